package dev.moat.registry.model;

import java.util.Optional;

/** What follows {@code /manifests/}: a tag or a digest. */
public sealed interface Reference {

  /** Parses a reference; a string containing {@code :} must be a valid digest. */
  static Reference parse(String text) {
    return Digest.looksLikeDigest(text)
        ? new ByDigest(Digest.parse(text))
        : new ByTag(Tag.of(text));
  }

  static Reference of(Digest digest) {
    return new ByDigest(digest);
  }

  static Reference of(Tag tag) {
    return new ByTag(tag);
  }

  default Optional<Digest> digest() {
    return this instanceof ByDigest d ? Optional.of(d.value()) : Optional.empty();
  }

  default Optional<Tag> tag() {
    return this instanceof ByTag t ? Optional.of(t.value()) : Optional.empty();
  }

  /** A reference by tag. */
  record ByTag(Tag value) implements Reference {
    @Override
    public String toString() {
      return value.toString();
    }
  }

  /** A reference by digest. */
  record ByDigest(Digest value) implements Reference {
    @Override
    public String toString() {
      return value.toString();
    }
  }
}
