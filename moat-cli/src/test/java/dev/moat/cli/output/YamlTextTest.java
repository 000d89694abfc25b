package dev.moat.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** {@code -o yaml} as PyYAML's {@code safe_dump} lays it out, written by snakeyaml-engine. */
class YamlTextTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void blockStyleSortedKeysAndQuotedLookalikes() throws Exception {
    String yaml =
        YamlText.write(
            JSON.readTree(
                "{\"b\":\"true\",\"a\":[{\"y\":2,\"x\":1},\"s\"],\"c\":\"a: b\",\"d\":null,"
                    + "\"e\":\"123\",\"f\":{},\"g\":[],\"h\":1.5,\"i\":false}"));
    assertThat(yaml)
        .isEqualTo(
            "a:\n- x: 1\n  y: 2\n- s\nb: 'true'\nc: 'a: b'\nd: null\ne: '123'\nf: {}\ng: []\n"
                + "h: 1.5\ni: false\n");
  }

  @Test
  void aLoneScalarIsItsValue() throws Exception {
    assertThat(YamlText.write(JSON.readTree("\"eastus\""))).isEqualTo("eastus\n");
    assertThat(YamlText.write(JSON.readTree("\"yes\""))).isEqualTo("'yes'\n");
    assertThat(YamlText.write(JSON.readTree("3"))).isEqualTo("3\n");
    assertThat(YamlText.write(JSON.readTree("\"2026-12-04T13:00:00Z\"")))
        .isEqualTo("'2026-12-04T13:00:00Z'\n");
  }
}
