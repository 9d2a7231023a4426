package dev.moco4j.binlog;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/** Builds events byte by byte, following the server's layout, for tests. */
final class TestEvents {

  static final String UUID = "3e11fa47-71ca-11e1-9e33-c80aa9429562";

  private TestEvents() {}

  static BinlogEvent gtid(long gno, long immediateMicros, long originalMicros, long txLength) {
    byte[] body = new byte[1 + 16 + 8 + 1 + 8 + 8 + 7 + 7 + 9];
    int at = 1;
    System.arraycopy(HexFormat.of().parseHex(UUID.replace("-", "")), 0, body, at, 16);
    at += 16;
    Bytes.putLe(body, at, 8, gno);
    at += 8 + 1 + 8 + 8;
    if (immediateMicros != originalMicros) {
      Bytes.putLe(body, at, 7, immediateMicros | (1L << 55));
      Bytes.putLe(body, at + 7, 7, originalMicros);
      at += 14;
    } else {
      Bytes.putLe(body, at, 7, immediateMicros);
      at += 7;
    }
    body[at] = (byte) 254;
    Bytes.putLe(body, at + 1, 8, txLength);
    return event(EventTypes.GTID, java.util.Arrays.copyOf(body, at + 9));
  }

  static BinlogEvent query(String sql) {
    byte[] text = sql.getBytes(StandardCharsets.UTF_8);
    byte[] body = new byte[13 + 1 + text.length];
    // post-header: thread id, exec time, db length 0, error code, status vars length 0; then "\0"
    System.arraycopy(text, 0, body, 14, text.length);
    return event(EventTypes.QUERY, body);
  }

  static BinlogEvent ofType(int type, int bodyLength) {
    return event(type, new byte[bodyLength]);
  }

  static BinlogEvent event(int type, byte[] body) {
    int length = BinlogEvent.HEADER_LENGTH + body.length + BinlogEvent.CHECKSUM_LENGTH;
    byte[] event = BinlogEvent.header(type, 1_700_000_000L, 7, length, 0);
    System.arraycopy(body, 0, event, BinlogEvent.HEADER_LENGTH, body.length);
    return BinlogEvent.sealed(event, true);
  }
}
