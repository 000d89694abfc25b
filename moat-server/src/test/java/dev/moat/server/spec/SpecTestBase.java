package dev.moat.server.spec;

import dev.moat.testing.TestMoat;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.provider.Arguments;

/** A whole Moat with the parents the served-type cases need, shared by the spec tests. */
abstract class SpecTestBase {
  static TestMoat moat;
  static String sub;
  static String rg;

  @BeforeAll
  static void start() {
    moat = SpecFixture.start();
    sub = moat.subscriptionId();
    rg = moat.groupPath("prop");
  }

  @AfterAll
  static void stop() {
    moat.close();
  }

  static Stream<Arguments> types() {
    return ServedTypes.cases(sub, rg).stream().map(Arguments::of);
  }
}
