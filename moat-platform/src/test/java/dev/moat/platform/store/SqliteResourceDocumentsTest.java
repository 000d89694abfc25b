package dev.moat.platform.store;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The embedded SQLite store against the shared contract. */
class SqliteResourceDocumentsTest extends ResourceDocumentsContract {
  @TempDir Path dir;

  @Override
  protected Database newDatabase() {
    return SqliteDatabase.open(dir.resolve("moat.db"), false);
  }

  @Override
  protected Database reopen() {
    database.close();
    return SqliteDatabase.open(dir.resolve("moat.db"), false);
  }
}
