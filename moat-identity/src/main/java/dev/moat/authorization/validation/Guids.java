package dev.moat.authorization.validation;

import java.util.Locale;
import java.util.regex.Pattern;

/** GUID checks and the 32-hex form Azure prints in some role-assignment messages. */
public final class Guids {
  private static final Pattern GUID =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  private Guids() {}

  public static boolean isGuid(String s) {
    return s != null && GUID.matcher(s).matches();
  }

  /** {@code 0f14a80d42e54d57afe046acf9dfae05}: lower case without dashes, as Azure prints ids. */
  public static String compact(String guid) {
    return guid.replace("-", "").toLowerCase(Locale.ROOT);
  }
}
