package dev.moat.platform.reconcile;

import dev.moat.platform.error.ArmError;
import dev.moat.platform.id.ResourceId;
import dev.moat.platform.json.Json;
import dev.moat.platform.store.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Long-running operations in the {@code operations} table. Thread-safe. */
public final class OperationRepository {
  private static final String COLUMNS =
      "id, resource_id, kind, status, error, start_time, end_time";

  private final Database database;
  private final Clock clock;

  public OperationRepository(Database database, Clock clock) {
    this.database = database;
    this.clock = clock;
  }

  /** Records a new in-progress operation (joining the caller's transaction, if any). */
  public Operation start(ResourceId resource, String kind) {
    Operation op =
        new Operation(
            UUID.randomUUID().toString(),
            resource,
            kind,
            OperationStatus.InProgress,
            null,
            clock.instant(),
            null);
    database.run(
        c -> {
          try (PreparedStatement s =
              c.prepareStatement(
                  "INSERT INTO operations (id, resource_key, resource_id, kind, status, start_time)"
                      + " VALUES (?, ?, ?, ?, ?, ?)")) {
            s.setString(1, op.id());
            s.setString(2, resource.key());
            s.setString(3, resource.toString());
            s.setString(4, kind);
            s.setString(5, op.status().name());
            s.setString(6, op.startTime().toString());
            return s.executeUpdate();
          }
        });
    return op;
  }

  public Optional<Operation> find(String id) {
    return query("SELECT " + COLUMNS + " FROM operations WHERE id = ?", id).stream().findFirst();
  }

  /** The in-progress operations on one resource, oldest first. */
  public List<Operation> inProgress(ResourceId resource) {
    return query(
        "SELECT "
            + COLUMNS
            + " FROM operations WHERE resource_key = ? AND status = 'InProgress' ORDER BY start_time",
        resource.key());
  }

  /** Every in-progress operation: what must be resumed after a restart. */
  public List<Operation> allInProgress() {
    return query(
        "SELECT " + COLUMNS + " FROM operations WHERE status = 'InProgress' ORDER BY start_time");
  }

  /** Ends the given operations with a terminal status (a no-op for ones already ended). */
  public void complete(List<String> operationIds, OperationStatus status, ArmError error) {
    if (!status.isTerminal()) {
      throw new IllegalArgumentException("not terminal: " + status);
    }
    Instant now = clock.instant();
    database.run(
        c -> {
          try (PreparedStatement s =
              c.prepareStatement(
                  "UPDATE operations SET status = ?, error = ?, end_time = ?"
                      + " WHERE id = ? AND status = 'InProgress'")) {
            for (String id : operationIds) {
              s.setString(1, status.name());
              s.setString(
                  2, error == null ? null : Json.write(new StoredError(error.httpStatus(), error)));
              s.setString(3, now.toString());
              s.setString(4, id);
              s.addBatch();
            }
            return s.executeBatch();
          }
        });
  }

  /** An error with the HTTP status its body does not carry. */
  private record StoredError(int httpStatus, ArmError error) {
    ArmError toError() {
      return error.withHttpStatus(httpStatus);
    }
  }

  private List<Operation> query(String sql, String... args) {
    return database.read(
        c -> {
          try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
              s.setString(i + 1, args[i]);
            }
            List<Operation> out = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
              while (rs.next()) {
                out.add(read(rs));
              }
            }
            return out;
          }
        });
  }

  private static Operation read(ResultSet rs) throws SQLException {
    String error = rs.getString(5);
    String end = rs.getString(7);
    return new Operation(
        rs.getString(1),
        ResourceId.parse(rs.getString(2)),
        rs.getString(3),
        OperationStatus.valueOf(rs.getString(4)),
        error == null ? null : Json.read(error, StoredError.class).toError(),
        Instant.parse(rs.getString(6)),
        end == null ? null : Instant.parse(end));
  }
}
