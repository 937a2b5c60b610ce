package org.rbmrec.model;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Converts a configuration record with components of type {@code int}, {@code long},
 * {@code double}, {@code boolean}, {@code String} or an enum to ordered {@code key → text}
 * pairs (keys are the component names) and back. Used for hyperparameter files, the
 * {@code --set key=value} flags and the configuration saved with every run.
 */
public final class RecordProperties {
  private RecordProperties() {}

  /** The components of {@code record} as text, in declaration order. */
  public static Map<String, String> toProperties(Record record) {
    Map<String, String> properties = new LinkedHashMap<>();
    for (RecordComponent component : record.getClass().getRecordComponents()) {
      try {
        properties.put(component.getName(), String.valueOf(component.getAccessor().invoke(record)));
      } catch (IllegalAccessException | InvocationTargetException e) {
        throw new IllegalStateException("cannot read " + component.getName(), e);
      }
    }
    return properties;
  }

  /**
   * {@code base} with the values of {@code overrides} applied; the record's own validation then
   * runs.
   *
   * @param label what the record configures, for messages, such as "model mf"
   * @throws IllegalArgumentException for an unknown key (listing the known ones) or a value that
   *     does not parse or fails validation
   */
  public static <R extends Record> R withOverrides(
      R base, Map<String, String> overrides, String label) {
    @SuppressWarnings("unchecked")
    Class<R> type = (Class<R>) base.getClass();
    RecordComponent[] components = type.getRecordComponents();
    Set<String> known = new TreeSet<>();
    for (RecordComponent component : components) {
      known.add(component.getName());
    }
    for (String key : overrides.keySet()) {
      if (!known.contains(key)) {
        throw new IllegalArgumentException(
            "unknown hyperparameter '" + key + "' for " + label + "; known: "
                + String.join(", ", known));
      }
    }
    Map<String, String> values = toProperties(base);
    values.putAll(overrides);
    Object[] args = new Object[components.length];
    Class<?>[] types = new Class<?>[components.length];
    for (int c = 0; c < components.length; c++) {
      types[c] = components[c].getType();
      args[c] = parse(components[c].getName(), types[c], values.get(components[c].getName()));
    }
    return construct(type, types, args);
  }

  /**
   * The record of type {@code type} read from {@code properties}, which must hold every
   * component and nothing else (as written by {@link #toProperties(Record)}); the record's own
   * validation then runs.
   *
   * @param label what is being read, for messages, such as "the model file's bias config"
   * @throws IllegalArgumentException naming a missing, unknown or malformed key
   */
  public static <R extends Record> R fromProperties(
      Class<R> type, Map<String, String> properties, String label) {
    RecordComponent[] components = type.getRecordComponents();
    Object[] args = new Object[components.length];
    Class<?>[] types = new Class<?>[components.length];
    Set<String> known = new TreeSet<>();
    for (int c = 0; c < components.length; c++) {
      String key = components[c].getName();
      known.add(key);
      String value = properties.get(key);
      if (value == null) {
        throw new IllegalArgumentException(label + ": key '" + key + "' is missing");
      }
      types[c] = components[c].getType();
      args[c] = parse(key, types[c], value);
    }
    for (String key : properties.keySet()) {
      if (!known.contains(key)) {
        throw new IllegalArgumentException(label + ": unknown key '" + key + "'");
      }
    }
    return construct(type, types, args);
  }

  private static <R extends Record> R construct(Class<R> type, Class<?>[] types, Object[] args) {
    try {
      Constructor<R> constructor = type.getDeclaredConstructor(types);
      return constructor.newInstance(args);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof IllegalArgumentException iae) {
        throw iae;
      }
      throw new IllegalStateException("cannot build " + type.getSimpleName(), e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot build " + type.getSimpleName(), e);
    }
  }

  private static Object parse(String key, Class<?> type, String text) {
    String value = text.trim();
    try {
      if (type == int.class) {
        return Integer.parseInt(value);
      }
      if (type == long.class) {
        return Long.parseLong(value);
      }
      if (type == double.class) {
        return Double.parseDouble(value);
      }
      if (type == boolean.class) {
        if (!value.equals("true") && !value.equals("false")) {
          throw new IllegalArgumentException(
              "hyperparameter '" + key + "' must be true or false, got '" + text + "'");
        }
        return Boolean.parseBoolean(value);
      }
      if (type == String.class) {
        return text;
      }
      if (type.isEnum()) {
        for (Object constant : type.getEnumConstants()) {
          if (((Enum<?>) constant).name().equalsIgnoreCase(value)) {
            return constant;
          }
        }
        throw new IllegalArgumentException("hyperparameter '" + key + "' must be one of "
            + java.util.Arrays.toString(type.getEnumConstants()) + ", got '" + text + "'");
      }
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "hyperparameter '" + key + "' must be a number (" + type.getSimpleName() + "), got '"
              + text + "'", e);
    }
    throw new IllegalStateException("unsupported hyperparameter type " + type + " of " + key);
  }
}
