package dev.moat.managedidentity.http;

import dev.moat.arm.auth.TokenService;
import dev.moat.arm.http.HttpCall;
import dev.moat.arm.http.HttpResult;
import dev.moat.arm.http.HttpService;
import dev.moat.managedidentity.model.UserAssignedIdentity;
import dev.moat.managedidentity.service.IdentityService;
import dev.moat.managedidentity.service.ManagedIdentityTokens;
import dev.moat.managedidentity.service.NodeCredentials;
import dev.moat.platform.id.ResourceId;
import dev.moat.platform.json.Json;
import java.util.Optional;

/**
 * The managed-identity token endpoint of the Instance Metadata Service, {@code GET
 * /metadata/identity/oauth2/token?api-version=2018-02-01&resource=...} with {@code client_id},
 * {@code object_id} or {@code msi_res_id}, answering as IMDS does (body shape, string-typed
 * numbers, {@code invalid_request} errors). Only node agents Moat placed may call it: each presents
 * its {@link NodeCredentials} credential, and gets tokens only for the identities its node carries.
 */
public final class ImdsService implements HttpService {
  private static final String PATH = "/metadata/identity/oauth2/token";

  private final IdentityService identities;
  private final ManagedIdentityTokens tokens;
  private final NodeCredentials credentials;

  public ImdsService(
      IdentityService identities, ManagedIdentityTokens tokens, NodeCredentials credentials) {
    this.identities = identities;
    this.tokens = tokens;
    this.credentials = credentials;
  }

  /** True for the path this service answers. */
  public static boolean handles(String path) {
    return path.equalsIgnoreCase(PATH) || path.equalsIgnoreCase(PATH + "/");
  }

  @Override
  public HttpResult handle(HttpCall call) {
    if (!call.method().equals("GET")) {
      // [EMU] IMDS answers other methods with 405; its body text is not published.
      return error(405, "invalid_request", "The request method is not supported.");
    }
    if (!call.header("Metadata").map("true"::equalsIgnoreCase).orElse(false)) {
      return error(400, "invalid_request", "Required metadata header not specified");
    }
    if (call.queryParam("api-version").isEmpty()) {
      return error(400, "invalid_request", "Required query variable 'api-version' is missing");
    }
    Optional<String> resource = call.queryParam("resource").filter(r -> !r.isBlank());
    if (resource.isEmpty()) {
      return error(400, "invalid_request", "Required audience parameter not specified");
    }
    Optional<NodeCredentials.Grant> grant =
        credentials.resolve(call.header(NodeCredentials.HEADER).orElse(null));
    if (grant.isEmpty()) {
      // [EMU] Moat-only check (Azure relies on the VM boundary); access_denied is IMDS's code.
      return error(
          403,
          "access_denied",
          "The caller is not a node agent placed by Moat: header "
              + NodeCredentials.HEADER
              + " is missing or unknown.");
    }
    Optional<UserAssignedIdentity> identity = select(call, grant.get());
    if (identity.isEmpty()) {
      return error(400, "invalid_request", "Identity not found");
    }
    if (!grant.get().identities().contains(identity.get().id())) {
      // [EMU] the identity exists but is not assigned to this node.
      return error(
          403,
          "access_denied",
          "Identity '"
              + identity.get().id()
              + "' is not assigned to node '"
              + grant.get().nodeName()
              + "'.");
    }
    TokenService.IssuedToken token = tokens.issue(identity.get(), resource.get());
    long expiresIn = token.expiresAt().getEpochSecond() - token.issuedAt().getEpochSecond();
    ImdsBodies.Token body =
        new ImdsBodies.Token(
            token.value(),
            identity.get().clientId(),
            String.valueOf(expiresIn),
            String.valueOf(token.expiresAt().getEpochSecond()),
            String.valueOf(expiresIn),
            String.valueOf(token.issuedAt().getEpochSecond() - 300),
            resource.get(),
            "Bearer");
    return HttpResult.json(200, Json.write(body));
  }

  /**
   * The identity the request names; with no selector, the node's only identity (IMDS picks the
   * single assigned identity when there is exactly one).
   */
  private Optional<UserAssignedIdentity> select(HttpCall call, NodeCredentials.Grant grant) {
    Optional<String> clientId = call.queryParam("client_id");
    if (clientId.isPresent()) {
      return identities.findByClientId(clientId.get());
    }
    Optional<String> objectId = call.queryParam("object_id");
    if (objectId.isPresent()) {
      return identities.findByPrincipalId(objectId.get());
    }
    Optional<String> resourceId = call.queryParam("msi_res_id");
    if (resourceId.isPresent()) {
      return ResourceId.tryParse(resourceId.get()).flatMap(identities::findStored);
    }
    if (grant.identities().size() == 1) {
      return identities.findStored(grant.identities().iterator().next());
    }
    return Optional.empty();
  }

  private static HttpResult error(int status, String code, String description) {
    return HttpResult.json(status, Json.write(new ImdsBodies.Error(code, description)));
  }
}
