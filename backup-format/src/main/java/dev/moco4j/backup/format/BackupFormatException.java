package dev.moco4j.backup.format;

import java.io.IOException;

/** An object in the bucket cannot be read as what its key says it is. */
public class BackupFormatException extends IOException {

  private final String key;

  public BackupFormatException(String key, String message) {
    super(message);
    this.key = key;
  }

  public BackupFormatException(String key, String message, Throwable cause) {
    super(message, cause);
    this.key = key;
  }

  /** The object's key. */
  public String key() {
    return key;
  }
}
