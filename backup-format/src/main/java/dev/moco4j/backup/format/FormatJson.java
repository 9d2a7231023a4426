package dev.moco4j.backup.format;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Reads and writes the JSON objects of the format ({@link BackupManifest}, {@link BinlogIndex}).
 *
 * <p>Readers ignore fields they do not know, so a newer writer may add fields without a new format
 * version; a change old readers would misread raises {@code formatVersion}, which they refuse.
 */
public final class FormatJson {

  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .enable(SerializationFeature.INDENT_OUTPUT)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_USING_DEFAULT_VALUE)
          .serializationInclusion(JsonInclude.Include.NON_NULL)
          .build();

  private FormatJson() {}

  public static byte[] write(BackupManifest manifest) {
    return bytes(manifest);
  }

  public static byte[] write(BinlogIndex index) {
    return bytes(index);
  }

  /** Reads the manifest stored at {@code key}; refuses one of a newer format version. */
  public static BackupManifest readManifest(String key, byte[] json) throws BackupFormatException {
    return read(key, json, BackupManifest.class, BackupManifest.FORMAT_VERSION);
  }

  /** Reads the binlog index stored at {@code key}; refuses one of a newer format version. */
  public static BinlogIndex readBinlogIndex(String key, byte[] json) throws BackupFormatException {
    return read(key, json, BinlogIndex.class, BinlogIndex.FORMAT_VERSION);
  }

  private static <T> T read(String key, byte[] json, Class<T> type, int supported)
      throws BackupFormatException {
    JsonNode tree;
    try {
      tree = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new BackupFormatException(key, key + " is not JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new BackupFormatException(key, key + " cannot be read: " + e.getMessage(), e);
    }
    // The version first: fields of a newer format must not be half-read into an older model.
    JsonNode version = tree == null ? null : tree.get("formatVersion");
    if (version == null || !version.isInt() || version.intValue() < 1) {
      throw new BackupFormatException(key, key + " has no valid formatVersion");
    }
    if (version.intValue() > supported) {
      throw new UnsupportedFormatVersionException(key, version.intValue(), supported);
    }
    try {
      return MAPPER.treeToValue(tree, type);
    } catch (JsonProcessingException e) {
      throw new BackupFormatException(
          key, key + " is not a valid " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
    }
  }

  private static byte[] bytes(Object value) {
    try {
      return MAPPER.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("cannot write " + value.getClass().getSimpleName(), e);
    }
  }
}
