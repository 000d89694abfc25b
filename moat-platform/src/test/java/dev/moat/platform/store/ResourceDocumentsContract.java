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
    if (database != null) { // null when newDatabase aborted (a back end not available here)
      database.close();
    }
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

  /** A record with references, for the index tests. */
  record Nic(String name, List<String> subnets) {}

  private static final ResourceType NICS = ResourceType.of("Microsoft.Network/networkInterfaces");
  private static final ResourceIndex<Nic> BY_SUBNET =
      new ResourceIndex<>("subnet", n -> n.subnets());

  private static ResourceId nic(String name) {
    return ResourceId.parse(
        SUB + "/resourceGroups/rg/providers/Microsoft.Network/networkInterfaces/" + name);
  }

  private ResourceTable<Nic> nics() {
    return new ResourceTable<>(documents, NICS, Nic.class, List.of(BY_SUBNET));
  }

  @Test
  void indexedLookupsFollowWritesAndDeletes() {
    ResourceTable<Nic> table = nics();
    table.put(nic("a"), new Nic("a", List.of("S1", "s2")));
    table.put(nic("b"), new Nic("b", List.of("s2")));
    assertThat(table.findBy(BY_SUBNET, "s1")).extracting(Nic::name).containsExactly("a");
    assertThat(table.findBy(BY_SUBNET, "S2")).extracting(Nic::name).containsExactly("a", "b");
    table.put(nic("a"), new Nic("a", List.of("s3")));
    assertThat(table.findBy(BY_SUBNET, "s1")).isEmpty();
    assertThat(table.findBy(BY_SUBNET, "s2")).extracting(Nic::name).containsExactly("b");
    assertThat(table.anyBy(BY_SUBNET, "s3")).isTrue();
    table.delete(nic("a"));
    assertThat(table.anyBy(BY_SUBNET, "s3")).isFalse();
    documents.deleteTree(ResourceId.parse(SUB + "/resourceGroups/rg"));
    assertThat(table.findBy(BY_SUBNET, "s2")).isEmpty();
  }

  @Test
  void indexKeysRollBackWithTheirDocument() {
    ResourceTable<Nic> table = nics();
    assertThatThrownBy(
            () ->
                database.inTransaction(
                    c -> {
                      table.put(nic("a"), new Nic("a", List.of("s1")));
                      throw new IllegalStateException("abort");
                    }))
        .hasMessage("abort");
    assertThat(table.anyBy(BY_SUBNET, "s1")).isFalse();
  }

  @Test
  void anIndexDeclaredAfterItsDocumentsIsFilledOnce() {
    new ResourceTable<>(documents, NICS, Nic.class).put(nic("old"), new Nic("old", List.of("s1")));
    assertThat(nics().findBy(BY_SUBNET, "s1")).extracting(Nic::name).containsExactly("old");
    // Built once: a second table does not refill it (a stale key would otherwise come back).
    documents.put(nic("old"), "{\"name\":\"old\",\"subnets\":[\"s9\"]}");
    assertThat(nics().findBy(BY_SUBNET, "s9")).isEmpty();
    assertThat(nics().findBy(BY_SUBNET, "s1")).hasSize(1);
  }

  @Test
  void changesArePublishedAfterCommitAndNeverForARollback() {
    List<ResourceId> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
    documents.changes().subscribe(seen::add);
    database.inTransaction(
        c -> {
          documents.put(vnet("rg", "a"), "{}");
          assertThat(seen).as("not before the commit").isEmpty();
          return null;
        });
    assertThat(seen).containsExactly(vnet("rg", "a"));
    assertThatThrownBy(
            () ->
                database.inTransaction(
                    c -> {
                      documents.put(vnet("rg", "b"), "{}");
                      throw new IllegalStateException("abort");
                    }))
        .hasMessage("abort");
    documents.deleteTree(vnet("rg", "a"));
    assertThat(seen).containsExactly(vnet("rg", "a"), vnet("rg", "a"));
  }

  @Test
  void readsDoNotWaitForAnOpenWriteAndSeeOnlyCommittedState() throws Exception {
    documents.put(vnet("rg", "a"), "{\"v\":1}");
    java.util.concurrent.CountDownLatch writing = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    Thread writer =
        new Thread(
            () ->
                database.inTransaction(
                    c -> {
                      documents.put(vnet("rg", "a"), "{\"v\":2}");
                      writing.countDown();
                      try {
                        release.await();
                      } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                      }
                      return null;
                    }));
    writer.start();
    try {
      writing.await();
      // The writer holds its transaction open: a read outside it must still answer, from the last
      // committed state.
      assertThat(documents.get(vnet("rg", "a")).orElseThrow().body()).isEqualTo("{\"v\":1}");
      assertThat(documents.listInGroup(ResourceId.parse(SUB + "/resourceGroups/rg"))).hasSize(1);
    } finally {
      release.countDown();
      writer.join();
    }
    assertThat(documents.get(vnet("rg", "a")).orElseThrow().body()).isEqualTo("{\"v\":2}");
  }

  @Test
  void aReadInsideATransactionSeesItsOwnWrites() {
    database.inTransaction(
        c -> {
          documents.put(vnet("rg", "mine"), "{}");
          assertThat(documents.get(vnet("rg", "mine"))).isPresent();
          boolean same = database.<Boolean>read(c2 -> c2 == c);
          assertThat(same).as("joins the writer's connection").isTrue();
          return null;
        });
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
