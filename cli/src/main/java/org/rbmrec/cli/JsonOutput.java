package org.rbmrec.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;

/**
 * Writes a command's result as exactly one JSON object on stdout, pretty-printed with two-space
 * indentation and a final newline.
 *
 * <p>Keys come from the caller: build results as {@code LinkedHashMap}s with snake_case keys
 * (the order is kept). Non-finite numbers (NaN, ±Infinity), which JSON cannot represent, are
 * written as {@code null}, in plain fields and inside {@code double[]}/{@code float[]} arrays.
 */
public final class JsonOutput {
  private static final ObjectMapper MAPPER = createMapper();
  private static final ObjectWriter WRITER = MAPPER.writerWithDefaultPrettyPrinter();

  private JsonOutput() {}

  /** The configured mapper (immutable use only: do not reconfigure it). */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /**
   * Writes {@code result} to {@code out} as one JSON object and flushes.
   *
   * @throws IllegalArgumentException if {@code result} does not serialise to a JSON object
   */
  public static void write(PrintWriter out, Object result) {
    out.println(toJson(result));
    out.flush();
  }

  /** {@code result} as pretty-printed JSON text of one object, without a trailing newline. */
  public static String toJson(Object result) {
    JsonNode tree = MAPPER.valueToTree(result);
    if (tree == null || !tree.isObject()) {
      throw new IllegalArgumentException(
          "a command's JSON result must be an object, got " + (tree == null ? "null"
              : tree.getNodeType()));
    }
    try {
      return WRITER.writeValueAsString(tree);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ObjectMapper createMapper() {
    SimpleModule finiteOnly = new SimpleModule("finite-numbers-only");
    finiteOnly.addSerializer(Double.class, new FiniteDoubleSerializer());
    finiteOnly.addSerializer(Double.TYPE, new FiniteDoubleSerializer());
    finiteOnly.addSerializer(Float.class, new FiniteFloatSerializer());
    finiteOnly.addSerializer(Float.TYPE, new FiniteFloatSerializer());
    finiteOnly.addSerializer(double[].class, new FiniteDoubleArraySerializer());
    finiteOnly.addSerializer(float[].class, new FiniteFloatArraySerializer());
    ObjectMapper mapper = new ObjectMapper();
    mapper.registerModule(finiteOnly);
    mapper.disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
    return mapper;
  }

  private static void writeFinite(double value, JsonGenerator gen) throws IOException {
    if (Double.isFinite(value)) {
      gen.writeNumber(value);
    } else {
      gen.writeNull();
    }
  }

  private static final class FiniteDoubleSerializer extends StdSerializer<Double> {
    private static final long serialVersionUID = 1L;

    FiniteDoubleSerializer() {
      super(Double.class);
    }

    @Override
    public void serialize(Double value, JsonGenerator gen, SerializerProvider provider)
        throws IOException {
      writeFinite(value, gen);
    }
  }

  private static final class FiniteFloatSerializer extends StdSerializer<Float> {
    private static final long serialVersionUID = 1L;

    FiniteFloatSerializer() {
      super(Float.class);
    }

    @Override
    public void serialize(Float value, JsonGenerator gen, SerializerProvider provider)
        throws IOException {
      if (Float.isFinite(value)) {
        gen.writeNumber(value);
      } else {
        gen.writeNull();
      }
    }
  }

  private static final class FiniteDoubleArraySerializer extends StdSerializer<double[]> {
    private static final long serialVersionUID = 1L;

    FiniteDoubleArraySerializer() {
      super(double[].class);
    }

    @Override
    public void serialize(double[] values, JsonGenerator gen, SerializerProvider provider)
        throws IOException {
      gen.writeStartArray(values, values.length);
      for (double v : values) {
        writeFinite(v, gen);
      }
      gen.writeEndArray();
    }
  }

  private static final class FiniteFloatArraySerializer extends StdSerializer<float[]> {
    private static final long serialVersionUID = 1L;

    FiniteFloatArraySerializer() {
      super(float[].class);
    }

    @Override
    public void serialize(float[] values, JsonGenerator gen, SerializerProvider provider)
        throws IOException {
      gen.writeStartArray(values, values.length);
      for (float v : values) {
        writeFinite(v, gen);
      }
      gen.writeEndArray();
    }
  }
}
