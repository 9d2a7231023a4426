package dev.moco4j.binlog;

/** Bytes that are not the binlog this module expects: a damaged file or an unsupported stream. */
public final class BinlogFormatException extends RuntimeException {

  public BinlogFormatException(String message) {
    super(message);
  }
}
