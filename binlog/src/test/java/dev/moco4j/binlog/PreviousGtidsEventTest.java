package dev.moco4j.binlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.shyiko.mysql.binlog.event.PreviousGtidSetEventData;
import com.github.shyiko.mysql.binlog.event.deserialization.PreviousGtidSetDeserializer;
import com.github.shyiko.mysql.binlog.io.ByteArrayInputStream;
import dev.moco4j.mysql.gtid.GtidSet;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PreviousGtidsEventTest {

  @Test
  void encodedSetIsWhatTheClientLibraryDecodes() throws Exception {
    GtidSet set =
        GtidSet.parse(
            "3e11fa47-71ca-11e1-9e33-c80aa9429562:1-5:7:10-20,"
                + "00000000-0000-0000-0000-000000000001:3");

    BinlogEvent event = PreviousGtidsEvent.encode(set, 9, 1_700_000_000L, 400, true);

    assertThat(event.type()).isEqualTo(EventTypes.PREVIOUS_GTIDS);
    assertThat(event.endPosition()).isEqualTo(400);
    assertThat(event.hasValidChecksum()).isTrue();
    byte[] body =
        Arrays.copyOfRange(
            bytesOf(event),
            BinlogEvent.HEADER_LENGTH,
            event.length() - BinlogEvent.CHECKSUM_LENGTH);
    PreviousGtidSetEventData decoded =
        new PreviousGtidSetDeserializer().deserialize(new ByteArrayInputStream(body));
    assertThat(GtidSet.parse(decoded.getGtidSet())).isEqualTo(set);
  }

  @Test
  void emptySetIsAnEventWithNoSources() {
    BinlogEvent event = PreviousGtidsEvent.encode(GtidSet.EMPTY, 9, 0, 0, false);
    assertThat(event.length()).isEqualTo(BinlogEvent.HEADER_LENGTH + 8);
  }

  @Test
  void taggedSetsAreRefused() {
    assertThatThrownBy(
            () ->
                PreviousGtidsEvent.encode(
                    GtidSet.parse("3e11fa47-71ca-11e1-9e33-c80aa9429562:tag:1-2"), 9, 0, 0, true))
        .isInstanceOf(BinlogFormatException.class);
  }

  @Test
  void placingAnEventRewritesItsPositionAndChecksum() {
    BinlogEvent event = PreviousGtidsEvent.encode(GtidSet.EMPTY, 9, 0, 0, true);
    BinlogEvent placed = event.placed(1234, 0x40, true);

    assertThat(placed.endPosition()).isEqualTo(1234);
    assertThat(placed.flags()).isEqualTo(0x40);
    assertThat(placed.hasValidChecksum()).isTrue();
    assertThat(event.endPosition()).isZero();
  }

  private static byte[] bytesOf(BinlogEvent event) throws Exception {
    var out = new java.io.ByteArrayOutputStream();
    event.writeTo(out);
    return out.toByteArray();
  }
}
