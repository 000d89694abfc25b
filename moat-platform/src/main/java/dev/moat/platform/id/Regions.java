package dev.moat.platform.id;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The Azure public-cloud regions Moat accepts as {@code location}, loaded from {@code regions.tsv}.
 */
public final class Regions {
  private final Map<String, String> displayNameByName;

  private Regions(Map<String, String> displayNameByName) {
    this.displayNameByName = Collections.unmodifiableMap(displayNameByName);
  }

  /** The shipped public-cloud list. */
  public static Regions azurePublicCloud() {
    Map<String, String> regions = new LinkedHashMap<>();
    try (InputStream in = Regions.class.getResourceAsStream("regions.tsv");
        BufferedReader reader =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] cols = line.split("\t");
        regions.put(cols[0], cols[1]);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Regions(regions);
  }

  /**
   * Normalises a location as ARM does ({@code "East US"} and {@code "EastUS"} become {@code
   * eastus}), or returns empty when it is no region.
   */
  public Optional<String> normalize(String location) {
    if (location == null) {
      return Optional.empty();
    }
    String name = location.replace(" ", "").toLowerCase(Locale.ROOT);
    return displayNameByName.containsKey(name) ? Optional.of(name) : Optional.empty();
  }

  public Optional<String> displayName(String name) {
    return Optional.ofNullable(displayNameByName.get(name));
  }

  /** Region names in their shipped order. */
  public List<String> names() {
    return new ArrayList<>(displayNameByName.keySet());
  }
}
