package dev.moat.platform.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.moat.platform.id.ResourceId;
import dev.moat.platform.id.ResourceType;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link Database} back end must meet for {@link ResourceDocuments} (and so for
 * every provider repository built on it). A back end's test extends this class and supplies the
 * database; the embedded SQLite store runs it today, a PostgreSQL store will run it unchanged.
 */
public abstract class ResourceDocumentsContract {
  protected static final String SUB = "/subscriptions/sub1";
  private static final ResourceType VNETS = ResourceType.of("Microsoft.Network/virtualNetworks");
  private static final ResourceType SUBNETS = VNETS.child("subnets");

  protected Database database;
  protected ResourceDocuments documents;

  /** A fresh, empty, migrated database. */
  protected abstract Database newDatabase();

  /** The same database reopened (state must have survived); null if the back end cannot. */
  protected abstract Database reopen();

  @BeforeEach
  void open() {
    database = newDatabase();
    documents = new ResourceDocuments(database, Clock.systemUTC());
  }

  @AfterEach
  void close() {
    database.close();
  }

  private static ResourceId vnet(String group, String name) {
    return ResourceId.parse(
        SUB + "/resourceGroups/" + group + "/providers/Microsoft.Network/virtualNetworks/" + name);
  }

  @Test
  void putThenGetReturnsTheDocumentWithAGrowingVersion() {
    ResourceId id = vnet("rg", "v1");
    StoredResource first = documents.put(id, "{\"a\":1}");
    StoredResource second = documents.put(id, "{\"a\":2}");
    assertThat(first.version()).isEqualTo(1);
    assertThat(second.version()).isEqualTo(2);
    assertThat(second.createdAt()).isEqualTo(first.createdAt());
    assertThat(documents.get(id).orElseThrow().body()).isEqualTo("{\"a\":2}");
  }

  @Test
  void lookupsAreCaseInsensitiveAndKeepTheLatestCasing() {
    documents.put(vnet("RG", "VNet1"), "{}");
    StoredResource got = documents.get(vnet("rg", "vnet1")).orElseThrow();
    assertThat(got.id().toString()).contains("/resourceGroups/RG/").endsWith("VNet1");
  }

  @Test
  void listsByParentSubscriptionAndGroup() {
    documents.put(vnet("rg", "v1"), "{}");
    documents.put(vnet("rg", "v2"), "{}");
    documents.put(vnet("other", "v3"), "{}");
    documents.put(vnet("rg", "v1").child("subnets", "s1"), "{}");
    ResourceId rg = ResourceId.parse(SUB + "/resourceGroups/rg");
    assertThat(documents.listChildren(rg, VNETS))
        .extracting(s -> s.id().name())
        .containsExactly("v1", "v2");
    assertThat(documents.listChildren(vnet("rg", "v1"), SUBNETS)).hasSize(1);
    assertThat(documents.listInSubscription("SUB1", VNETS)).hasSize(3);
    assertThat(documents.listInGroup(rg)).hasSize(3);
  }

  @Test
  void deleteTreeRemovesDescendantsButNotNamesSharingAPrefix() {
    documents.put(vnet("rg", "v1"), "{}");
    documents.put(vnet("rg", "v1").child("subnets", "s1"), "{}");
    documents.put(vnet("rg", "v10"), "{}");
    documents.put(vnet("rg", "v1_x"), "{}");
    assertThat(documents.deleteTree(vnet("rg", "v1"))).isEqualTo(2);
    assertThat(documents.get(vnet("rg", "v10"))).isPresent();
    assertThat(documents.get(vnet("rg", "v1_x"))).isPresent();
    assertThat(documents.deleteTree(vnet("rg", "v1"))).isZero();
  }

  @Test
  void aFailedTransactionLeavesNothingBehind() {
    assertThatThrownBy(
            () ->
                database.inTransaction(
                    c -> {
                      documents.put(vnet("rg", "a"), "{}");
                      documents.put(vnet("rg", "b"), "{}");
                      throw new IllegalStateException("abort");
                    }))
        .hasMessage("abort");
    assertThat(documents.get(vnet("rg", "a"))).isEmpty();
    assertThat(documents.get(vnet("rg", "b"))).isEmpty();
  }

  @Test
  void committedWritesSurviveReopening() {
    documents.put(vnet("rg", "kept"), "{\"k\":true}");
    Database again = reopen();
    if (again == null) {
      return;
    }
    database = again;
    documents = new ResourceDocuments(again, Clock.systemUTC());
    assertThat(documents.get(vnet("rg", "kept")).orElseThrow().body()).isEqualTo("{\"k\":true}");
    assertThat(documents.listInGroup(ResourceId.parse(SUB + "/resourceGroups/rg")))
        .extracting(s -> s.id().name())
        .isEqualTo(List.of("kept"));
  }
}
