package dev.moat.server.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.moat.arm.validation.SpecTable;
import dev.moat.platform.id.ResourceType;
import dev.moat.platform.json.Json;
import dev.moat.testing.ArmResult;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Property: for every served type, bodies generated from its spec table (fixed seed, bounded count)
 * get a 2xx or a 4xx, never a 5xx, and everything Moat stored reads back (the item, its parent and
 * its collection).
 */
class ValidInputPropertyTest extends SpecTestBase {
  private static final long SEED = 12;
  private static final int BODIES_PER_TYPE = 12;

  @ParameterizedTest
  @MethodSource("types")
  void specAllowedBodiesNeverGetA5xxAndWhatIsStoredReadsBack(ServedTypes.Case c) {
    SpecTable table = SpecTable.load(ResourceType.of(c.type()));
    SpecBodyGenerator generator = new SpecBodyGenerator(table, SEED ^ c.type().hashCode(), sub);
    List<String> stored = new ArrayList<>();
    int accepted = 0;
    java.util.Map<String, Integer> refusals = new java.util.TreeMap<>();
    for (int i = 0; i < BODIES_PER_TYPE; i++) {
      String path = c.path().apply(i);
      JsonNode base = Json.read(c.base().replace("SLOT", String.valueOf(i)), JsonNode.class);
      ObjectNode body = generator.next(base);
      ArmResult r = moat.arm().put(path, c.version(), body.toString());
      assertThat(r.status())
          .as("PUT %s with %s answered %s", path, body, r.rawBody())
          .isLessThan(500);
      if (r.status() < 300) {
        accepted++;
        stored.add(path);
      } else {
        refusals.merge(
            r.errorCode() + " " + r.body().path("error").path("target").asText(), 1, Integer::sum);
      }
      assertThat(moat.arm().get(path, c.version()).status())
          .as("GET %s after PUT %s", path, body)
          .isIn(200, 404);
      String parent = path.substring(0, path.lastIndexOf('/'));
      assertThat(moat.arm().get(parent, c.version()).status())
          .as("GET collection %s after PUT %s", parent, body)
          .isLessThan(500);
    }
    for (String path : stored) {
      assertThat(moat.arm().get(path, c.version()).status()).as("GET %s", path).isEqualTo(200);
    }
    System.out.printf(
        "%s: %d of %d generated bodies accepted; refusals %s%n",
        c.type(), accepted, BODIES_PER_TYPE, refusals);
  }
}
