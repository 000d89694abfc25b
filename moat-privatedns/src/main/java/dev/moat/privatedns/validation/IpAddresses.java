package dev.moat.privatedns.validation;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/** Textual IP address checks that never touch the network. */
public final class IpAddresses {
  private static final Pattern IPV4 =
      Pattern.compile(
          "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
  private static final Pattern IPV6_CHARS = Pattern.compile("[0-9a-fA-F:.]+");

  private IpAddresses() {}

  public static boolean isIpv4(String text) {
    return text != null && IPV4.matcher(text).matches();
  }

  public static boolean isIpv6(String text) {
    // The character check comes first, so InetAddress only ever parses a literal, never resolves.
    if (text == null || !text.contains(":") || !IPV6_CHARS.matcher(text).matches()) {
      return false;
    }
    try {
      return InetAddress.getByName(text).getAddress().length == 16;
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
