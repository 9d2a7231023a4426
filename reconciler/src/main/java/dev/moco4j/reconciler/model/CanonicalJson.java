package dev.moco4j.reconciler.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * JSON with sorted properties and map keys: equal objects give equal text whatever the order their
 * maps were filled in, which hashes and copies of tenant input rely on.
 */
final class CanonicalJson {

  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
          .serializationInclusion(JsonInclude.Include.NON_NULL)
          .build();

  private CanonicalJson() {}

  static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot serialize " + value.getClass().getName(), e);
    }
  }

  /** A deep copy, with every map in key order. */
  static <T> T copy(T value, Class<T> type) {
    if (value == null) {
      return null;
    }
    try {
      return MAPPER.readValue(write(value), type);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
