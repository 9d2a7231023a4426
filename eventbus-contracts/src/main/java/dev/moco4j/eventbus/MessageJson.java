package dev.moco4j.eventbus;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;

/**
 * The one JSON mapping of event bus messages. Reading is lenient in the ways that let a service
 * read messages from an older or newer peer: unknown fields are ignored, unknown enum constants
 * read as the enum's {@code UNKNOWN}, and absent fields take the defaults set in each record's
 * constructor. Instants and durations are ISO-8601 strings, readable by people and by the CLI.
 */
public final class MessageJson {

  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_USING_DEFAULT_VALUE)
          .defaultPropertyInclusion(
              JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.ALWAYS))
          .build();

  private MessageJson() {}

  public static byte[] toBytes(EventBusMessage message) {
    try {
      return MAPPER.writeValueAsBytes(message);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write " + message.getClass().getSimpleName(), e);
    }
  }

  public static String toJson(EventBusMessage message) {
    try {
      return MAPPER.writeValueAsString(message);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write " + message.getClass().getSimpleName(), e);
    }
  }

  /**
   * Reads a message.
   *
   * @throws IllegalArgumentException when the bytes are not JSON of that message type
   */
  public static <T extends EventBusMessage> T fromBytes(byte[] json, Class<T> type) {
    try {
      return MAPPER.readValue(json, type);
    } catch (IOException e) {
      throw new IllegalArgumentException("Not a readable " + type.getSimpleName(), e);
    }
  }

  /**
   * Reads a message.
   *
   * @throws IllegalArgumentException when the text is not JSON of that message type
   */
  public static <T extends EventBusMessage> T fromJson(String json, Class<T> type) {
    try {
      return MAPPER.readValue(json, type);
    } catch (IOException e) {
      throw new IllegalArgumentException("Not a readable " + type.getSimpleName(), e);
    }
  }
}
