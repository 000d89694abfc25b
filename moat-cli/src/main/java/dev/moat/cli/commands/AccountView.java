package dev.moat.cli.commands;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.moat.cli.CliContext;
import dev.moat.cli.config.Credentials;
import dev.moat.cli.config.Subscriptions.Subscription;
import dev.moat.cli.http.Json;
import java.util.List;

/** Subscriptions shaped as az's {@code account list} / {@code login} print them. */
final class AccountView {
  static final String CLOUD = "Moat";

  private AccountView() {}

  static ArrayNode accounts(CliContext context, String cloudKey) {
    List<Subscription> subs = context.subscriptions().list(context.session(), false);
    String current = context.subscriptions().current(context.session()).id();
    Credentials creds = Credentials.load(context.home());
    ArrayNode out = Json.object().arrayNode();
    for (Subscription s : subs) {
      out.add(account(s, s.id().equals(current), creds, cloudKey));
    }
    return out;
  }

  static ObjectNode account(Subscription s, boolean isDefault, Credentials creds, String cloudKey) {
    ObjectNode o = Json.object();
    o.put(cloudKey, CLOUD);
    o.put("homeTenantId", s.tenantId());
    o.put("id", s.id());
    o.put("isDefault", isDefault);
    o.putArray("managedByTenants");
    o.put("name", s.name());
    o.put("state", s.state());
    o.put("tenantId", s.tenantId());
    o.putObject("user").put("name", creds.clientId()).put("type", "servicePrincipal");
    return o;
  }
}
