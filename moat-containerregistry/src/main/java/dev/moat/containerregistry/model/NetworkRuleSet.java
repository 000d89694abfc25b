package dev.moat.containerregistry.model;

import java.util.List;

/**
 * {@code properties.networkRuleSet}: the default action for public traffic and the IP rules that
 * override it.
 */
public record NetworkRuleSet(DefaultAction defaultAction, List<IpRule> ipRules) {
  public NetworkRuleSet {
    defaultAction = defaultAction == null ? DefaultAction.Allow : defaultAction;
    ipRules = ipRules == null ? List.of() : List.copyOf(ipRules);
  }

  /** What Azure shows for a registry nobody restricted. */
  public static NetworkRuleSet allowAll() {
    return new NetworkRuleSet(DefaultAction.Allow, List.of());
  }

  /** True when the set restricts anything (only Premium registries may). */
  public boolean restricts() {
    return defaultAction == DefaultAction.Deny || !ipRules.isEmpty();
  }

  /** {@code defaultAction}. */
  public enum DefaultAction {
    Allow,
    Deny
  }

  /** One IP rule; {@code action} is always {@code Allow} on ACR. */
  public record IpRule(String action, String value) {
    public IpRule {
      action = action == null ? "Allow" : action;
    }
  }
}
