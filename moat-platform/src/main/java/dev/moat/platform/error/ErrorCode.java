package dev.moat.platform.error;

/**
 * One entry of a provider's error table: {@code public static final ArmErrorCode X = new
 * ErrorCode(400, "Code", "template %s")}. A record, so a table is a list of constants and nothing
 * else (the enums it replaces each repeated a constructor and three getters).
 */
public record ErrorCode(int httpStatus, String code, String template) implements ArmErrorCode {}
