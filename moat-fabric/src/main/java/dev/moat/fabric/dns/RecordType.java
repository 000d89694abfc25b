package dev.moat.fabric.dns;

/** The record types a resolution asks for. */
public enum RecordType {
  /** Follow CNAMEs and return the IPv4 addresses of the canonical name. */
  A,
  /** Return the name's own CNAME only, without following it. */
  CNAME
}
