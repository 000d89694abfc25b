package dev.moat.arm.auth;

import dev.moat.platform.store.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;

/**
 * The principals Moat's authority has issued tokens to, kept in the store: Moat's stand-in for the
 * Entra directory of service principals, so that a role assignment naming a client that has logged
 * in is accepted and one naming an unknown object id gets {@code PrincipalNotFound}.
 */
public final class KnownPrincipals {
  private final Database database;
  private final Clock clock;

  public KnownPrincipals(Database database, Clock clock) {
    this.database = database;
    this.clock = clock;
  }

  /** Records a principal (idempotent). */
  public void record(Principal principal) {
    database.run(
        c -> {
          try (PreparedStatement s =
              c.prepareStatement(
                  "INSERT INTO known_principals (object_id, app_id, type, display_name, first_seen)"
                      + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (object_id) DO NOTHING")) {
            s.setString(1, principal.objectId().toLowerCase(java.util.Locale.ROOT));
            s.setString(2, principal.appId());
            s.setString(3, principal.type().name());
            s.setString(4, principal.displayName());
            s.setString(5, clock.instant().toString());
            return s.executeUpdate();
          }
        });
  }

  public boolean exists(String objectId) {
    return database.inTransaction(
        c -> {
          try (PreparedStatement s =
              c.prepareStatement("SELECT 1 FROM known_principals WHERE object_id = ?")) {
            s.setString(1, objectId.toLowerCase(java.util.Locale.ROOT));
            try (ResultSet rs = s.executeQuery()) {
              return rs.next();
            }
          }
        });
  }
}
