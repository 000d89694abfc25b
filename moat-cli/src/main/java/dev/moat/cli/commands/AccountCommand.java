package dev.moat.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.moat.cli.CliContext;
import dev.moat.cli.config.AccessToken;
import dev.moat.cli.config.Credentials;
import dev.moat.cli.config.Subscriptions.Subscription;
import dev.moat.cli.http.Json;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code az account}: the subscriptions of the signed-in principal and its tokens. */
@Command(name = "account", description = "Manage Moat subscription information.")
public final class AccountCommand extends CommandGroup {
  private static final DateTimeFormatter AZ_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

  public AccountCommand(CliContext context) {
    super(context);
  }

  @Command(name = "show", description = "Get the details of a subscription.")
  int show(
      @Option(
              names = {"--name", "-n", "-s"},
              description = "Name or ID of" + " subscription.")
          String name) {
    Subscription current =
        context
            .subscriptions()
            .find(context.session(), name != null ? name : context.subscriptionId());
    String def = context.subscriptions().current(context.session()).id();
    context.print(
        AccountView.account(
            current,
            current.id().equals(def),
            Credentials.load(context.home()),
            "environmentName"));
    return 0;
  }

  @Command(name = "list", description = "Get a list of subscriptions for the logged in account.")
  int list(
      @Option(names = "--refresh", description = "Retrieve up-to-date subscriptions from server.")
          boolean refresh,
      @Option(names = "--all", description = "List all subscriptions from all clouds.")
          boolean all) {
    if (refresh) {
      context.subscriptions().list(context.session(), true);
    }
    context.print(AccountView.accounts(context, "cloudName"), AccountCommand::table);
    return 0;
  }

  @Command(name = "set", description = "Set a subscription to be the current active subscription.")
  int set(
      @Option(
              names = {"--name", "-n", "-s"},
              required = true,
              description = "Name or ID of subscription.")
          String name) {
    context
        .subscriptions()
        .setDefault(context.session(), name != null ? name : context.subscriptionId());
    return 0;
  }

  @Command(name = "get-access-token", description = "Get a token for utilities to access Moat.")
  int getAccessToken(
      @Option(names = "--resource", description = "Moat resource endpoints (the endpoint only).")
          String resource,
      @Option(names = "--tenant", description = "Tenant ID for which the token is acquired.")
          String tenant) {
    AccessToken token = context.tokens().accessToken(false);
    Subscription sub = context.subscriptions().current(context.session());
    ObjectNode o = Json.object();
    o.put("accessToken", token.value());
    o.put("expiresOn", AZ_TIME.format(token.expiresOn().atZone(ZoneId.systemDefault())));
    o.put("expires_on", token.expiresOn().getEpochSecond());
    o.put("subscription", sub.id());
    o.put("tenant", sub.tenantId());
    o.put("tokenType", "Bearer");
    context.print(o);
    return 0;
  }

  static JsonNode table(JsonNode accounts) {
    var rows = Json.object().arrayNode();
    for (JsonNode a : accounts) {
      rows.addObject()
          .put("Name", a.path("name").asText())
          .put("CloudName", a.path("cloudName").asText())
          .put("SubscriptionId", a.path("id").asText())
          .put("TenantId", a.path("tenantId").asText())
          .put("State", a.path("state").asText())
          .put("IsDefault", a.path("isDefault").asBoolean() ? "True" : "False");
    }
    return rows;
  }
}
