package dev.moat.doctor;

import java.util.List;

/**
 * One link of a node's bootstrap path, as the doctor found it.
 *
 * @param id a stable name, e.g. {@code registry-dns}
 * @param hop where on the path the link sits ({@code cluster}, {@code node}, {@code dns}, {@code
 *     network}, {@code identity}, {@code registry}, {@code data}), for drawing the path
 * @param title what the link is, in words
 * @param evidence what the doctor looked at: what resolved, which assignment, which rule
 * @param rule the behaviour rule the link comes from (e.g. {@code BYO3}, {@code TS4})
 * @param fixes for a failed link, the az commands that fix it, values filled in
 */
public record Link(
    String id,
    String hop,
    String title,
    Status status,
    String evidence,
    String rule,
    List<String> fixes) {

  public Link {
    fixes = List.copyOf(fixes);
  }

  /** A link's verdict. */
  public enum Status {
    /** Works now. */
    PASS,
    /** Broken: a node would not bootstrap. */
    FAIL,
    /** Works, but not as network isolation intends (or a change waits for a reimage). */
    WARN,
    /** Does not exist yet; AKS will create it with the cluster. */
    PLANNED
  }

  static Link pass(String id, String hop, String title, String evidence, String rule) {
    return new Link(id, hop, title, Status.PASS, evidence, rule, List.of());
  }

  static Link planned(String id, String hop, String title, String evidence, String rule) {
    return new Link(id, hop, title, Status.PLANNED, evidence, rule, List.of());
  }

  static Link fail(
      String id, String hop, String title, String evidence, String rule, List<String> fixes) {
    return new Link(id, hop, title, Status.FAIL, evidence, rule, fixes);
  }

  static Link warn(
      String id, String hop, String title, String evidence, String rule, List<String> fixes) {
    return new Link(id, hop, title, Status.WARN, evidence, rule, fixes);
  }
}
