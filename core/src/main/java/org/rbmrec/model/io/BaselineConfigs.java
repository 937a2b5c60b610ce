package org.rbmrec.model.io;

import java.util.Map;
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

  static void put(BiasConfig c, String prefix, Map<String, String> m) {
    String p = prefix + "config.";
    m.put(p + "userRegularization", Double.toString(c.userRegularization()));
    m.put(p + "itemRegularization", Double.toString(c.itemRegularization()));
    m.put(p + "iterations", Integer.toString(c.iterations()));
  }

  static void put(BiasedMfConfig c, String prefix, Map<String, String> m) {
    String p = prefix + "config.";
    m.put(p + "factors", Integer.toString(c.factors()));
    m.put(p + "epochs", Integer.toString(c.epochs()));
    m.put(p + "learningRate", Double.toString(c.learningRate()));
    m.put(p + "learningRateDecay", Double.toString(c.learningRateDecay()));
    m.put(p + "regularization", Double.toString(c.regularization()));
    m.put(p + "biasRegularization", Double.toString(c.biasRegularization()));
    m.put(p + "initStd", Double.toString(c.initStd()));
    m.put(p + "seed", Long.toString(c.seed()));
  }

  static void put(SvdPlusPlusConfig c, String prefix, Map<String, String> m) {
    String p = prefix + "config.";
    m.put(p + "factors", Integer.toString(c.factors()));
    m.put(p + "epochs", Integer.toString(c.epochs()));
    m.put(p + "learningRate", Double.toString(c.learningRate()));
    m.put(p + "learningRateDecay", Double.toString(c.learningRateDecay()));
    m.put(p + "regularization", Double.toString(c.regularization()));
    m.put(p + "implicitRegularization", Double.toString(c.implicitRegularization()));
    m.put(p + "biasRegularization", Double.toString(c.biasRegularization()));
    m.put(p + "initStd", Double.toString(c.initStd()));
    m.put(p + "seed", Long.toString(c.seed()));
  }

  /** @throws IllegalArgumentException naming a missing or malformed key */
  static BiasConfig bias(Map<String, String> p) {
    return new BiasConfig(
        real(p, "userRegularization"), real(p, "itemRegularization"), integer(p, "iterations"));
  }

  static BiasedMfConfig biasedMf(Map<String, String> p) {
    return new BiasedMfConfig(
        integer(p, "factors"), integer(p, "epochs"), real(p, "learningRate"),
        real(p, "learningRateDecay"), real(p, "regularization"), real(p, "biasRegularization"),
        real(p, "initStd"), whole(p, "seed"));
  }

  static SvdPlusPlusConfig svdPlusPlus(Map<String, String> p) {
    return new SvdPlusPlusConfig(
        integer(p, "factors"), integer(p, "epochs"), real(p, "learningRate"),
        real(p, "learningRateDecay"), real(p, "regularization"),
        real(p, "implicitRegularization"), real(p, "biasRegularization"), real(p, "initStd"),
        whole(p, "seed"));
  }

  private static String get(Map<String, String> p, String key) {
    String value = p.get(key);
    if (value == null) {
      throw new IllegalArgumentException("configuration key '" + key + "' is missing");
    }
    return value;
  }

  private static double real(Map<String, String> p, String key) {
    try {
      return Double.parseDouble(get(p, key));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "configuration key '" + key + "' is not a number: " + get(p, key), e);
    }
  }

  private static int integer(Map<String, String> p, String key) {
    try {
      return Integer.parseInt(get(p, key));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "configuration key '" + key + "' is not an integer: " + get(p, key), e);
    }
  }

  private static long whole(Map<String, String> p, String key) {
    try {
      return Long.parseLong(get(p, key));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "configuration key '" + key + "' is not an integer: " + get(p, key), e);
    }
  }
}
