package dev.moat.fabric.dns;

import dev.moat.fabric.address.Ipv4;
import dev.moat.fabric.dns.Resolution.Cname;
import dev.moat.fabric.dns.Resolution.Status;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.function.BooleanSupplier;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Header;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * Turns one DNS query message into the response of one view, with dnsjava's wire types.
 *
 * <p>Answers like a recursive resolver (Azure-provided DNS is one): RA set, AA clear, the CNAME
 * chain followed by the A records of the canonical name, and for NXDOMAIN/NODATA the SOA of the
 * zone that gave the negative answer in the authority section (RFC 2308) with the negative TTL.
 * Questions for types other than A and CNAME (AAAA, MX, ...) get the CNAME chain and NODATA, as no
 * view holds other records. Classes other than IN, several questions and opcodes other than QUERY
 * are refused as real servers do (NOTIMP / FORMERR).
 */
final class DnsResponder {
  private final DnsView view;
  private final ViewResolver resolver;
  private final BooleanSupplier viewExists;

  /**
   * @param viewExists false once the view's virtual network is gone; the server then answers
   *     REFUSED until it is stopped
   */
  DnsResponder(DnsView view, ViewResolver resolver, BooleanSupplier viewExists) {
    this.view = view;
    this.resolver = resolver;
    this.viewExists = viewExists;
  }

  /** The response to {@code query}. Never throws for a parsed query: failures are SERVFAIL. */
  Message respond(Message query) {
    Message response = new Message(query.getHeader().getID());
    Header header = response.getHeader();
    header.setFlag(Flags.QR);
    header.setFlag(Flags.RA);
    if (query.getHeader().getFlag(Flags.RD)) {
      header.setFlag(Flags.RD);
    }
    header.setOpcode(query.getHeader().getOpcode());
    Record question = query.getQuestion();
    if (question != null) {
      response.addRecord(question, Section.QUESTION);
    }
    if (query.getHeader().getOpcode() != Opcode.QUERY) {
      header.setRcode(Rcode.NOTIMP);
    } else if (question == null || query.getHeader().getCount(Section.QUESTION) != 1) {
      header.setRcode(Rcode.FORMERR);
    } else if (question.getDClass() != DClass.IN) {
      header.setRcode(Rcode.NOTIMP);
    } else if (!viewExists.getAsBoolean()) {
      header.setRcode(Rcode.REFUSED);
    } else {
      try {
        answer(response, question);
      } catch (RuntimeException | TextParseException | UnknownHostException e) {
        response.removeAllRecords(Section.ANSWER);
        response.removeAllRecords(Section.AUTHORITY);
        header.setRcode(Rcode.SERVFAIL);
      }
    }
    return response;
  }

  private void answer(Message response, Record question)
      throws TextParseException, UnknownHostException {
    int qtype = question.getType();
    RecordType type = qtype == Type.CNAME ? RecordType.CNAME : RecordType.A;
    Resolution r = resolver.resolve(view, question.getName().toString(true), type);
    for (Cname c : r.cnames()) {
      response.addRecord(
          new CNAMERecord(absolute(c.owner()), DClass.IN, c.ttl(), absolute(c.target())),
          Section.ANSWER);
    }
    boolean addresses = qtype == Type.A || qtype == Type.ANY;
    if (addresses) {
      for (String a : r.addresses()) {
        InetAddress ip = InetAddress.getByAddress(Ipv4.parse(a).octets());
        response.addRecord(
            new ARecord(absolute(r.canonicalName()), DClass.IN, r.ttl(), ip), Section.ANSWER);
      }
    }
    // NODATA: the name exists but has no record of the asked type (for AAAA, MX, ... always, as
    // views hold only A and CNAME records); RFC 2308 wants the SOA then as for NXDOMAIN.
    boolean nodata =
        r.isNoData() || (r.status() == Status.NOERROR && !addresses && type == RecordType.A);
    if (r.status() == Status.NXDOMAIN || nodata) {
      response.addRecord(soa(r), Section.AUTHORITY);
    }
    response.getHeader().setRcode(rcode(r.status()));
  }

  private static Record soa(Resolution r) throws TextParseException {
    Soa soa = r.isPrivate() ? Soa.privateZone(r.authority()) : Soa.publicZone(r.authority());
    return new SOARecord(
        absolute(soa.zone()),
        DClass.IN,
        soa.negativeTtl(),
        absolute(soa.host()),
        absolute(soa.admin()),
        soa.serial(),
        soa.refresh(),
        soa.retry(),
        soa.expire(),
        soa.minimum());
  }

  private static int rcode(Status status) {
    return switch (status) {
      case NOERROR -> Rcode.NOERROR;
      case NXDOMAIN -> Rcode.NXDOMAIN;
      case SERVFAIL -> Rcode.SERVFAIL;
      case REFUSED -> Rcode.REFUSED;
    };
  }

  private static Name absolute(String name) throws TextParseException {
    return Name.fromString(name, Name.root);
  }
}
