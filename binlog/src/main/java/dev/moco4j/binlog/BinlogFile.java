package dev.moco4j.binlog;

/** Facts about binlog files as a whole. */
public final class BinlogFile {

  /** Every binlog file starts with these four bytes. */
  static final byte[] MAGIC = {(byte) 0xfe, 'b', 'i', 'n'};

  private BinlogFile() {}

  public static byte[] magic() {
    return MAGIC.clone();
  }
}
