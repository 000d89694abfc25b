package dev.moat.cli.commands;

import dev.moat.cli.CliContext;
import dev.moat.cli.CliException;
import dev.moat.cli.config.Credentials;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code az login --service-principal}: stores the principal in {@code $MOAT_HOME/cli/}, checks it
 * by fetching a token, and lists its subscriptions. Without a login the CLI uses the default
 * principal {@code moat-cli} (see {@link Credentials}).
 */
@Command(name = "login", description = "Log in to Moat as a service principal.")
public final class LoginCommand implements java.util.concurrent.Callable<Integer> {
  private final CliContext context;

  @Option(
      names = "--service-principal",
      description = "The credential representing a service" + " principal.")
  boolean servicePrincipal;

  @Option(
      names = {"--username", "-u"},
      description = "Service principal application id.")
  String username;

  @Option(
      names = {"--password", "-p"},
      description = "Service principal secret.")
  String password;

  @Option(
      names = {"--tenant", "-t"},
      description = "The tenant id.")
  String tenant;

  @Option(
      names = "--allow-no-subscriptions",
      description = "Support access tenants without" + " subscriptions.")
  boolean allowNoSubscriptions;

  public LoginCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    if (!servicePrincipal) {
      throw CliException.usage(
          "Moat supports service principal login only: az login --service-principal -u ID -p"
              + " SECRET --tenant TENANT");
    }
    if (username == null || password == null) {
      throw CliException.usage(
          "usage error: --service-principal --username NAME --password"
              + " SECRET --tenant TENANT");
    }
    Credentials creds = new Credentials(username, password, tenant, true);
    creds.save(context.home());
    try {
      context.tokens().accessToken(true);
    } catch (CliException e) {
      Credentials.forget(context.home());
      throw e;
    }
    context.subscriptions().list(context.session(), true);
    context.print(AccountView.accounts(context, "cloudName"));
    return 0;
  }

  /** {@code az logout}: forget the principal, its tokens and subscriptions. */
  @Command(name = "logout", description = "Log out to remove access to Moat subscriptions.")
  public static final class Logout implements java.util.concurrent.Callable<Integer> {
    private final CliContext context;

    public Logout(CliContext context) {
      this.context = context;
    }

    @Override
    public Integer call() {
      Credentials.forget(context.home());
      context.home().delete("tokens.json");
      context.home().delete("profile.json");
      return 0;
    }
  }
}
