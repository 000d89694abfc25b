package dev.moat.arm.auth;

/** A service principal that may obtain tokens when authentication is strict. */
public record RegisteredClient(
    String clientId, String clientSecret, String objectId, String displayName) {}
