package dev.moat.server.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.moat.arm.validation.ArmValidationErrors;
import dev.moat.arm.validation.JsonPaths;
import dev.moat.arm.validation.SpecTable;
import dev.moat.arm.validation.ValidationErrors;
import dev.moat.arm.validation.Violation;
import dev.moat.authorization.validation.AuthorizationValidationErrors;
import dev.moat.containerregistry.validation.RegistryValidationErrors;
import dev.moat.containerservice.validation.AksValidationErrors;
import dev.moat.managedidentity.validation.IdentityValidationErrors;
import dev.moat.network.validation.NetworkValidationErrors;
import dev.moat.platform.id.Regions;
import dev.moat.platform.id.ResourceType;
import dev.moat.platform.json.Json;
import dev.moat.resources.validation.ResourceGroupValidationErrors;
import dev.moat.resources.validation.ResourceGroupValidator;
import dev.moat.testing.ArmResult;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Driven from the spec tables: for every served type, every enforced rule of its table (and its
 * naming rule) is broken once on an otherwise valid body. Each request gets 400 with the code that
 * type's RP answers for that rule, and nothing is created.
 */
class SpecViolationsTest extends SpecTestBase {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  /** The wording each RP gives a broken rule (what the providers pass to the front door). */
  static ValidationErrors errorsOf(String type) {
    if (type.startsWith("Microsoft.Network/privateDnsZones")) {
      return ArmValidationErrors.INSTANCE;
    }
    if (type.startsWith("Microsoft.Network/")) {
      return NetworkValidationErrors.INSTANCE;
    }
    if (type.startsWith("Microsoft.ContainerService/")) {
      return AksValidationErrors.INSTANCE;
    }
    if (type.startsWith("Microsoft.ContainerRegistry/")) {
      return RegistryValidationErrors.INSTANCE;
    }
    if (type.startsWith("Microsoft.ManagedIdentity/")) {
      return IdentityValidationErrors.INSTANCE;
    }
    if (type.startsWith("Microsoft.Authorization/")) {
      return AuthorizationValidationErrors.INSTANCE;
    }
    return new ResourceGroupValidationErrors(
        new ResourceGroupValidator(Regions.azurePublicCloud()));
  }

  @ParameterizedTest
  @MethodSource("types")
  void everyEnforcedRuleAndTheNamingRuleRefuse(ServedTypes.Case c) {
    ResourceType type = ResourceType.of(c.type());
    SpecTable table = SpecTable.load(type);
    ValidationErrors errors = errorsOf(c.type());
    SpecBodyGenerator generator = new SpecBodyGenerator(table, 7, sub);
    int slot = 200;
    int tested = 0;
    for (SpecTable.Rule rule : table.rules()) {
      Optional<JsonNode> bad = breaking(table, rule);
      if (bad.isEmpty()) {
        continue;
      }
      ObjectNode body = (ObjectNode) Json.read(c.base().replace("SLOT", "99"), JsonNode.class);
      SpecBodyGenerator.set(body, JsonPaths.tokens(rule.path()), bad.get());
      generator.fillRequired(body);
      String path = c.path().apply(slot++);
      String expected =
          errors.invalidValue(type, new Violation(rule.path(), rule, bad.get())).error().code();
      ArmResult r = moat.arm().put(path, c.version(), body.toString());
      assertThat(r.status())
          .as("%s %s: PUT %s answered %s", c.type(), rule, body, r.rawBody())
          .isEqualTo(400);
      assertThat(r.errorCode()).as("%s %s: %s", c.type(), rule, r.rawBody()).isEqualTo(expected);
      assertThat(moat.arm().get(path, c.version()).status()).as("GET %s", path).isEqualTo(404);
      tested++;
    }
    int names = 0;
    if (table.name().isPresent()) {
      SpecTable.NameRule rule = table.name().get();
      for (String name : badNames(rule)) {
        String good = c.path().apply(slot++);
        String path = good.substring(0, good.lastIndexOf('/') + 1) + name;
        String body = c.base().replace("SLOT", "98");
        ArmResult r = moat.arm().put(path, c.version(), body);
        assertThat(r.status()).as("%s name %s: %s", c.type(), name, r.rawBody()).isEqualTo(400);
        assertThat(r.errorCode()).isEqualTo(errors.invalidName(type, name, rule).error().code());
        names++;
      }
    }
    System.out.printf("%s: %d body rules and %d bad names refused%n", c.type(), tested, names);
  }

  /** Names the naming rule refuses: too long, a leading hyphen where it is not allowed, a '!'. */
  private static List<String> badNames(SpecTable.NameRule rule) {
    List<String> names = new java.util.ArrayList<>();
    if (rule.maxLength() > 0) {
      names.add("a".repeat(rule.maxLength() + 1));
    }
    for (String candidate : List.of("-lead", "bad!name", "x%E2%9C%93y")) {
      String decoded =
          java.net.URLDecoder.decode(candidate, java.nio.charset.StandardCharsets.UTF_8);
      if (!rule.accepts(decoded)) {
        names.add(candidate);
      }
    }
    return names;
  }

  /** A value that breaks {@code rule} and nothing else, or empty when none can be built here. */
  private static Optional<JsonNode> breaking(SpecTable table, SpecTable.Rule rule) {
    String leafType =
        table.at(rule.path(), SpecTable.Kind.TYPE).stream()
            .map(SpecTable.Rule::value)
            .findFirst()
            .orElse("");
    boolean text = leafType.equals("string");
    boolean number = leafType.equals("integer") || leafType.equals("number");
    String v = rule.value();
    return switch (rule.kind()) {
      case ENUM -> text ? Optional.of(JSON.textNode("NotAnAllowedValue")) : Optional.empty();
      case MINIMUM ->
          number
              ? Optional.of(JSON.numberNode((long) Double.parseDouble(v) - 1))
              : Optional.empty();
      case MAXIMUM ->
          number
              ? Optional.of(JSON.numberNode((long) Double.parseDouble(v) + 1))
              : Optional.empty();
      case MAX_LENGTH ->
          text && table.at(rule.path(), SpecTable.Kind.PATTERN).isEmpty()
              ? Optional.of(JSON.textNode("x".repeat(Integer.parseInt(v) + 1)))
              : Optional.empty();
      case MIN_LENGTH ->
          text && Integer.parseInt(v) > 0 && table.at(rule.path(), SpecTable.Kind.PATTERN).isEmpty()
              ? Optional.of(JSON.textNode(""))
              : Optional.empty();
      case PATTERN ->
          text
              ? Stream.of("!!not valid!!", "-", "x y/z")
                  .filter(s -> !Pattern.compile(v).matcher(s).find())
                  .findFirst()
                  .map(s -> (JsonNode) JSON.textNode(s))
              : Optional.empty();
      default -> Optional.empty();
    };
  }
}
