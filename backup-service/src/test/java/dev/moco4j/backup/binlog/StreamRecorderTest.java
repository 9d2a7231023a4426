package dev.moco4j.backup.binlog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.moco4j.binlog.BinlogEvent;
import dev.moco4j.binlog.BinlogTransaction;
import dev.moco4j.binlog.SegmentReader;
import dev.moco4j.mysql.gtid.GtidSet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.CRC32;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StreamRecorderTest {

  private static final String UUID = "3e11fa47-71ca-11e1-9e33-c80aa9429562";

  @TempDir Path dir;

  private final List<PendingSegment> finished = new ArrayList<>();
  private StreamRecorder recorder;
  private long sourcePosition;

  @BeforeEach
  void connect() throws IOException {
    recorder = new StreamRecorder(dir, Clock.systemUTC(), GtidSet.EMPTY, finished::add);
    recorder.onConnected(UUID, true);
    recorder.onEvent(rotate("binlog.000007"));
    recorder.onEvent(formatDescription());
  }

  @Test
  void cutAskedForInsideATransactionWaitsForItsEnd() throws IOException {
    transaction(1);
    recorder.onEvent(gtid(2));
    recorder.onEvent(query("BEGIN"));

    recorder.requestCut();
    assertThat(finished).isEmpty();
    recorder.onEvent(xid());

    assertThat(finished).singleElement();
    assertThat(gtidsIn(finished.getFirst())).containsExactly(UUID + ":1", UUID + ":2");
  }

  @Test
  void transactionCutShortByADisconnectIsDroppedAndWholeOnesAreKept() throws IOException {
    transaction(1);
    recorder.onEvent(gtid(2));
    recorder.onEvent(query("BEGIN"));

    recorder.onDisconnected();

    assertThat(gtidsIn(finished.getFirst())).containsExactly(UUID + ":1");
    assertThat(recorder.recorded()).isEqualTo(GtidSet.parse(UUID + ":1"));
  }

  @Test
  void transactionAlreadyRecordedIsNotWrittenAgain() throws IOException {
    transaction(1);
    transaction(1);
    transaction(2);
    recorder.requestCut();

    assertThat(gtidsIn(finished.getFirst())).containsExactly(UUID + ":1", UUID + ":2");
  }

  @Test
  void segmentsNeverSpanSourceFilesAndAreNamedWhereTheyStart() throws IOException {
    long firstStart = sourcePosition;
    transaction(1);
    long secondFileStart = 4 + 100;
    recorder.onEvent(rotate("binlog.000008"));
    recorder.onEvent(formatDescription());
    sourcePosition = secondFileStart;
    transaction(2);
    recorder.requestCut();

    assertThat(finished)
        .extracting(p -> p.summary().name())
        .containsExactly(
            String.format("binlog.000007-%012d", firstStart), "binlog.000008-000000000104");
    assertThat(finished.get(1).summary().previousGtids()).isEqualTo(GtidSet.parse(UUID + ":1"));
  }

  private void transaction(long gno) throws IOException {
    recorder.onEvent(gtid(gno));
    recorder.onEvent(query("BEGIN"));
    recorder.onEvent(event(30, new byte[40]));
    recorder.onEvent(xid());
  }

  private static List<String> gtidsIn(PendingSegment segment) throws IOException {
    List<String> gtids = new ArrayList<>();
    try (SegmentReader reader = new SegmentReader(Files.newInputStream(segment.summary().file()))) {
      for (BinlogTransaction t = reader.nextTransaction();
          t != null;
          t = reader.nextTransaction()) {
        gtids.add(t.gtid().gtid());
      }
    }
    return gtids;
  }

  private BinlogEvent gtid(long gno) {
    byte[] body = new byte[1 + 16 + 8 + 1 + 8 + 8 + 7 + 1];
    System.arraycopy(HexFormat.of().parseHex(UUID.replace("-", "")), 0, body, 1, 16);
    putLe(body, 17, 8, gno);
    putLe(body, 42, 7, 1_700_000_000_000_000L + gno);
    return event(33, body);
  }

  private BinlogEvent query(String sql) {
    byte[] text = sql.getBytes(StandardCharsets.UTF_8);
    byte[] body = new byte[14 + text.length];
    System.arraycopy(text, 0, body, 14, text.length);
    return event(2, body);
  }

  private BinlogEvent xid() {
    return event(16, new byte[8]);
  }

  private BinlogEvent rotate(String file) {
    byte[] name = file.getBytes(StandardCharsets.US_ASCII);
    byte[] body = new byte[8 + name.length];
    putLe(body, 0, 8, 4);
    System.arraycopy(name, 0, body, 8, name.length);
    sourcePosition = 0;
    return event(4, body);
  }

  /** A format description as MySQL 8.0 writes it: version, header length, post-headers, CRC32. */
  private BinlogEvent formatDescription() {
    byte[] body = new byte[2 + 50 + 4 + 1 + 41 + 1];
    putLe(body, 0, 2, 4);
    byte[] version = "8.0.31".getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(version, 0, body, 2, version.length);
    body[56] = 19;
    body[body.length - 1] = 1;
    BinlogEvent event = event(15, body);
    sourcePosition = 4 + event.length();
    return event;
  }

  /** An event ending where the source's file position says, checksummed. */
  private BinlogEvent event(int type, byte[] body) {
    int length = BinlogEvent.HEADER_LENGTH + body.length + BinlogEvent.CHECKSUM_LENGTH;
    byte[] bytes = new byte[length];
    putLe(bytes, 0, 4, 1_700_000_000L);
    bytes[4] = (byte) type;
    putLe(bytes, 5, 4, 7);
    putLe(bytes, 9, 4, length);
    sourcePosition += length;
    putLe(bytes, 13, 4, sourcePosition);
    System.arraycopy(body, 0, bytes, BinlogEvent.HEADER_LENGTH, body.length);
    CRC32 crc = new CRC32();
    crc.update(bytes, 0, length - 4);
    putLe(bytes, length - 4, 4, crc.getValue());
    return BinlogEvent.of(bytes);
  }

  private static void putLe(byte[] bytes, int offset, int width, long value) {
    for (int i = 0; i < width; i++) {
      bytes[offset + i] = (byte) (value >>> (8 * i));
    }
  }
}
