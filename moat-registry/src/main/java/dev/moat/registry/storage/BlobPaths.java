package dev.moat.registry.storage;

import dev.moat.registry.model.Digest;
import java.nio.file.Path;
import java.util.UUID;

/**
 * Builds every path of the on-disk store; nothing else composes file names (distribution's {@code
 * registry/storage/paths.go}).
 *
 * <pre>
 * &lt;root&gt;/
 * ├── blobs/
 * │   └── sha256/
 * │       └── ab/
 * │           └── abcdef0123…        committed content, named by its digest; immutable, never
 * │                                  partially visible (written elsewhere, then renamed here)
 * ├── ingest/
 * │   └── &lt;random&gt;.part             a write in progress (monolithic push, pull-through fill);
 * │                                  hashed while streaming; deleted on failure and swept when
 * │                                  the store opens, since nothing can still own it then
 * └── uploads/
 *     └── &lt;upload-uuid&gt;              a client's chunked or streamed upload session; its bytes
 *                                    become a blob only when PUT ?digest= verifies them
 * </pre>
 *
 * All three trees live on one file system so that the final step is an atomic rename. Which
 * repository may see which blob, manifests and tags live in SQLite, not here.
 */
public final class BlobPaths {
  private final Path root;

  public BlobPaths(Path root) {
    this.root = root.toAbsolutePath();
  }

  public Path root() {
    return root;
  }

  public Path blobsDir() {
    return root.resolve("blobs").resolve("sha256");
  }

  public Path blob(Digest digest) {
    return blobsDir().resolve(digest.hex().substring(0, 2)).resolve(digest.hex());
  }

  public Path ingestDir() {
    return root.resolve("ingest");
  }

  public Path newIngestFile() {
    return ingestDir().resolve(UUID.randomUUID() + ".part");
  }

  public Path uploadsDir() {
    return root.resolve("uploads");
  }

  public Path upload(UUID id) {
    return uploadsDir().resolve(id.toString());
  }
}
