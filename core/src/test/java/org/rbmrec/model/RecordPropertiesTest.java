package org.rbmrec.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecordPropertiesTest {
  enum Mode { FAST, EXACT }

  record Settings(int steps, long seed, double rate, boolean flag, Mode mode, String label) {
    Settings {
      if (rate <= 0) {
        throw new IllegalArgumentException("rate must be > 0, got " + rate);
      }
    }
  }

  private static final Settings BASE = new Settings(3, 7L, 0.5, true, Mode.FAST, "a");

  @Test
  void propertiesAreTheComponentsInDeclarationOrder() {
    assertThat(RecordProperties.toProperties(BASE)).containsExactly(
        Map.entry("steps", "3"), Map.entry("seed", "7"), Map.entry("rate", "0.5"),
        Map.entry("flag", "true"), Map.entry("mode", "FAST"), Map.entry("label", "a"));
  }

  @Test
  void propertiesReadBackToAnEqualRecord() {
    assertThat(RecordProperties.fromProperties(Settings.class,
        RecordProperties.toProperties(BASE), "settings")).isEqualTo(BASE);
  }

  @Test
  void overridesChangeOnlyTheNamedComponents() {
    Settings s = RecordProperties.withOverrides(BASE, Map.of("rate", "0.25", "mode", "exact"),
        "test");
    assertThat(s).isEqualTo(new Settings(3, 7L, 0.25, true, Mode.EXACT, "a"));
  }

  @Test
  void anUnknownOverrideListsTheKnownNames() {
    assertThatThrownBy(() -> RecordProperties.withOverrides(BASE, Map.of("rat", "1"), "model x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown hyperparameter 'rat' for model x")
        .hasMessageContaining("rate");
  }

  @Test
  void malformedValuesNameTheKeyAndTheText() {
    assertThatThrownBy(() -> RecordProperties.withOverrides(BASE, Map.of("steps", "x"), "t"))
        .hasMessageContaining("'steps' must be a number").hasMessageContaining("'x'");
    assertThatThrownBy(() -> RecordProperties.withOverrides(BASE, Map.of("flag", "yes"), "t"))
        .hasMessageContaining("'flag' must be true or false");
    assertThatThrownBy(() -> RecordProperties.withOverrides(BASE, Map.of("mode", "slow"), "t"))
        .hasMessageContaining("'mode' must be one of");
  }

  @Test
  void theRecordsOwnValidationRuns() {
    assertThatThrownBy(() -> RecordProperties.withOverrides(BASE, Map.of("rate", "-1"), "t"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("rate must be > 0, got -1.0");
  }

  @Test
  void readingRequiresEveryKeyAndNoOther() {
    Map<String, String> missing = new LinkedHashMap<>(RecordProperties.toProperties(BASE));
    missing.remove("seed");
    assertThatThrownBy(() -> RecordProperties.fromProperties(Settings.class, missing, "file"))
        .hasMessage("file: key 'seed' is missing");
    Map<String, String> extra = new LinkedHashMap<>(RecordProperties.toProperties(BASE));
    extra.put("colour", "red");
    assertThatThrownBy(() -> RecordProperties.fromProperties(Settings.class, extra, "file"))
        .hasMessage("file: unknown key 'colour'");
  }
}
