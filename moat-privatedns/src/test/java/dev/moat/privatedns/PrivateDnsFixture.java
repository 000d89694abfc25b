package dev.moat.privatedns;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.moat.arm.runtime.MoatSettings;
import dev.moat.arm.runtime.ProviderAssembler;
import dev.moat.platform.id.ResourceId;
import dev.moat.platform.store.ResourceDocuments;
import dev.moat.resources.ResourcesProvider;
import dev.moat.testing.ArmResult;
import dev.moat.testing.TestMoat;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

/**
 * A Moat with the resources and private DNS providers, plus what these tests need beyond {@link
 * TestMoat}: virtual networks (written straight into the document store, since the network provider
 * is another module), requests with {@code If-Match}/{@code If-None-Match}, and the provider object
 * itself for its contracts.
 */
final class PrivateDnsFixture implements AutoCloseable {
  static final String V = "2024-06-01";
  static final String ZONES = "/providers/Microsoft.Network/privateDnsZones/";

  private final TestMoat moat;
  private final ResourceDocuments documents;
  private final PrivateDnsProvider provider;
  private final HttpClient http;

  private PrivateDnsFixture(
      TestMoat moat, ResourceDocuments documents, PrivateDnsProvider provider) {
    this.moat = moat;
    this.documents = documents;
    this.provider = provider;
    this.http = HttpClient.newBuilder().sslContext(moat.sslContext()).build();
  }

  static PrivateDnsFixture start() {
    return start(s -> s);
  }

  static PrivateDnsFixture start(UnaryOperator<MoatSettings> settings) {
    AtomicReference<ResourceDocuments> documents = new AtomicReference<>();
    AtomicReference<PrivateDnsProvider> provider = new AtomicReference<>();
    ProviderAssembler assembler =
        c -> {
          documents.set(c.documents());
          ResourcesProvider resources = new ResourcesProvider(c);
          provider.set(new PrivateDnsProvider(c, resources.groups()));
          return ProviderAssembler.Assembly.of(resources, provider.get());
        };
    TestMoat moat = TestMoat.start(assembler, settings);
    return new PrivateDnsFixture(moat, documents.get(), provider.get());
  }

  TestMoat moat() {
    return moat;
  }

  PrivateDnsProvider provider() {
    return provider;
  }

  /** A virtual network as the network provider would store it (only its existence matters). */
  String createVnet(String group, String name) {
    String id = moat.groupPath(group) + "/providers/Microsoft.Network/virtualNetworks/" + name;
    documents.put(ResourceId.parse(id), "{}");
    return id;
  }

  String zonePath(String group, String zone) {
    return moat.groupPath(group) + ZONES + zone;
  }

  /** PUTs a zone and waits for its operation; returns its path. */
  String createZone(String group, String zone) {
    String path = zonePath(group, zone);
    ArmResult r = moat.arm().put(path, V, "{\"location\":\"global\"}").expectStatus(202);
    assertThat(moat.arm().awaitOperation(r).path("status").asText()).isEqualTo("Succeeded");
    return path;
  }

  /** PUTs a link and waits for its operation; returns its path. */
  String createLink(String zonePath, String link, String vnetId) {
    String path = zonePath + "/virtualNetworkLinks/" + link;
    ArmResult r = moat.arm().put(path, V, linkBody(vnetId, false)).expectStatus(202);
    assertThat(moat.arm().awaitOperation(r).path("status").asText()).isEqualTo("Succeeded");
    return path;
  }

  static String linkBody(String vnetId, boolean registration) {
    return "{\"location\":\"global\",\"properties\":{\"virtualNetwork\":{\"id\":\""
        + vnetId
        + "\"},\"registrationEnabled\":"
        + registration
        + "}}";
  }

  JsonNode get(String path) {
    return moat.arm().get(path, V).expectStatus(200).body();
  }

  /** A request with extra headers (the shared ArmClient sends none). */
  ArmResult send(String method, String path, String json, Map<String, String> headers) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(moat.endpoint() + path + "?api-version=" + V))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", "Bearer " + moat.arm().token());
    headers.forEach(b::header);
    if (json != null) {
      b.header("Content-Type", "application/json");
    }
    b.method(
        method,
        json == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(json));
    try {
      HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
      return new ArmResult(r.statusCode(), r.headers().map(), r.body());
    } catch (IOException e) {
      throw new AssertionError(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  @Override
  public void close() {
    moat.close();
  }
}
