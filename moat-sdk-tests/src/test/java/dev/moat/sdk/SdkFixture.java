package dev.moat.sdk;

import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import com.azure.core.management.AzureEnvironment;
import com.azure.core.management.profile.AzureProfile;
import com.azure.identity.ClientSecretCredentialBuilder;
import com.azure.resourcemanager.AzureResourceManager;
import dev.moat.testing.TestMoat;
import java.util.HashMap;
import java.util.Map;

/**
 * The Azure SDK for Java pointed at a Moat, as an application would point it at a sovereign cloud:
 * an {@link AzureEnvironment} with Moat's endpoints, {@code azure-identity}'s {@code
 * ClientSecretCredential} against Moat's ADFS-style authority, and an HTTP client trusting {@code
 * ca.pem}.
 */
final class SdkFixture {
  private SdkFixture() {}

  static AzureProfile profile(TestMoat moat) {
    String base = moat.endpoint() + "/";
    Map<String, String> endpoints = new HashMap<>(AzureEnvironment.AZURE.getEndpoints());
    endpoints.put("resourceManagerEndpointUrl", base);
    endpoints.put("managementEndpointUrl", base);
    endpoints.put("activeDirectoryEndpointUrl", moat.endpoint() + "/adfs/");
    endpoints.put("activeDirectoryResourceId", base);
    return new AzureProfile(
        moat.tenantId(), moat.subscriptionId(), new AzureEnvironment(endpoints));
  }

  static HttpClient httpClient(TestMoat moat) {
    return new JdkHttpClientBuilder(
            java.net.http.HttpClient.newBuilder().sslContext(moat.sslContext()))
        .build();
  }

  /** MSAL (inside azure-identity) skips online instance discovery for ADFS authorities. */
  static TokenCredential credential(TestMoat moat) {
    return new ClientSecretCredentialBuilder()
        .authorityHost(moat.endpoint() + "/adfs")
        .tenantId("adfs")
        .clientId("sdk-test-app")
        .clientSecret("sdk-test-secret")
        .disableInstanceDiscovery()
        .httpClient(httpClient(moat))
        .build();
  }

  static AzureResourceManager arm(TestMoat moat) {
    return AzureResourceManager.configure()
        .withHttpClient(httpClient(moat))
        .authenticate(credential(moat), profile(moat))
        .withSubscription(moat.subscriptionId());
  }
}
