package dev.moat.server;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The allowed dependencies between Moat's parts (docs/ARCHITECTURE.md), enforced. Maven module
 * boundaries already forbid most wrong edges; these rules pin the rest.
 */
class ArchitectureTest {
  private static final String[] PROVIDERS = {
    "dev.moat.resources..",
    "dev.moat.network..",
    "dev.moat.privatedns..",
    "dev.moat.managedidentity..",
    "dev.moat.authorization..",
    "dev.moat.containerregistry..",
    "dev.moat.containerservice.."
  };
  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.moat");
  }

  @Test
  void thePlatformDependsOnNoOtherPart() {
    noClasses()
        .that()
        .resideInAPackage("dev.moat.platform..")
        .should()
        .dependOnClassesThat()
        .resideOutsideOfPackages(
            "dev.moat.platform..",
            "java..",
            "javax..",
            "com.fasterxml..",
            "org.slf4j..",
            "org.flywaydb..",
            "org.sqlite..",
            // The PostgreSQL store's pool, and the driver's LISTEN/NOTIFY API (the only part
            // of the driver not reached through JDBC: store.ChangeListener).
            "com.zaxxer.hikari..",
            "org.postgresql..")
        .check(classes);
  }

  @Test
  void theFrontDoorKnowsNoProvider() {
    noClasses()
        .that()
        .resideInAPackage("dev.moat.arm..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(PROVIDERS)
        .check(classes);
  }

  @Test
  void theFabricKnowsNoProviderNorTheFrontDoor() {
    noClasses()
        .that()
        .resideInAPackage("dev.moat.fabric..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(concat(PROVIDERS, "dev.moat.arm..", "dev.moat.server.."))
        .check(classes);
  }

  @Test
  void providersTalkThroughContractsNotToEachOther() {
    for (String provider : PROVIDERS) {
      String[] others =
          java.util.Arrays.stream(PROVIDERS)
              .filter(p -> !p.equals(provider))
              // Managed identities implement the authorization provider's principal lookup.
              .filter(
                  p ->
                      !(provider.startsWith("dev.moat.managedidentity")
                          && p.startsWith("dev.moat.authorization")))
              .toArray(String[]::new);
      noClasses()
          .that()
          .resideInAPackage(provider)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(others)
          .check(classes);
    }
  }

  @Test
  void theDoctorReadsContractsNotProviders() {
    noClasses()
        .that()
        .resideInAPackage("dev.moat.doctor..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(concat(PROVIDERS, "dev.moat.server.."))
        .check(classes);
  }

  @Test
  void theCliReachesTheServerOnlyThroughItsApi() {
    noClasses()
        .that()
        .resideInAPackage("dev.moat.cli..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            concat(
                PROVIDERS,
                "dev.moat.arm..",
                "dev.moat.platform..",
                "dev.moat.fabric..",
                "dev.moat.server.."))
        .check(classes);
  }

  @Test
  void packagesHaveNoCycles() {
    slices().matching("dev.moat.(*)..").should().beFreeOfCycles().check(classes);
  }

  @Test
  void thereIsNoStaticMutableState() {
    fields()
        .that()
        .areStatic()
        .and()
        .areDeclaredInClassesThat()
        .resideInAPackage("dev.moat..")
        .should()
        .beFinal()
        .check(classes);
  }

  private static String[] concat(String[] a, String... b) {
    String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
