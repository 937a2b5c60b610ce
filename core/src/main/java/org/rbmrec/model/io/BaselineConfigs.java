package org.rbmrec.model.io;

import java.util.Map;
import org.rbmrec.model.RecordProperties;
import org.rbmrec.model.baseline.BiasConfig;
import org.rbmrec.model.baseline.BiasedMfConfig;
import org.rbmrec.model.baseline.SvdPlusPlusConfig;

/**
 * The baseline configurations as {@code config.KEY} metadata strings, named after the record
 * components, and back. Numbers are written with {@link Double#toString}/{@link Long#toString},
 * which read back exactly.
 */
final class BaselineConfigs {
  private BaselineConfigs() {}

  /** Writes the components of {@code config} under {@code prefix + "config."}. */
  static void put(Record config, String prefix, Map<String, String> m) {
    RecordProperties.toProperties(config).forEach((k, v) -> m.put(prefix + "config." + k, v));
  }

  /** @throws IllegalArgumentException naming a missing or malformed key */
  static BiasConfig bias(Map<String, String> p) {
    return RecordProperties.fromProperties(BiasConfig.class, p, "bias configuration");
  }

  static BiasedMfConfig biasedMf(Map<String, String> p) {
    return RecordProperties.fromProperties(BiasedMfConfig.class, p, "biased MF configuration");
  }

  static SvdPlusPlusConfig svdPlusPlus(Map<String, String> p) {
    return RecordProperties.fromProperties(SvdPlusPlusConfig.class, p, "SVD++ configuration");
  }
}
