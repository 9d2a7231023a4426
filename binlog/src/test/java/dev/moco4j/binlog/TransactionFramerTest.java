package dev.moco4j.binlog;

import static dev.moco4j.binlog.TestEvents.gtid;
import static dev.moco4j.binlog.TestEvents.ofType;
import static dev.moco4j.binlog.TestEvents.query;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.moco4j.binlog.TransactionFramer.Place;
import java.util.List;
import org.junit.jupiter.api.Test;

class TransactionFramerTest {

  private static final int TABLE_MAP = 19;
  private static final int WRITE_ROWS = 30;

  @Test
  void rowTransactionEndsAtItsXidWhenNoLengthIsRecorded() {
    List<BinlogEvent> events =
        List.of(
            gtid(1, 10, 10, 0),
            query("BEGIN"),
            ofType(TABLE_MAP, 30),
            query("SAVEPOINT half"),
            ofType(WRITE_ROWS, 50),
            query("ROLLBACK TO half"),
            ofType(EventTypes.XID, 8));

    assertThat(places(events))
        .containsExactly(
            Place.START,
            Place.INSIDE,
            Place.INSIDE,
            Place.INSIDE,
            Place.INSIDE,
            Place.INSIDE,
            Place.END);
  }

  @Test
  void ddlIsATransactionOfOneQuery() {
    assertThat(places(List.of(gtid(2, 10, 10, 0), query("CREATE TABLE t (id INT)"))))
        .containsExactly(Place.START, Place.END);
  }

  @Test
  void recordedTransactionLengthDecidesTheEnd() {
    BinlogEvent begin = query("BEGIN");
    BinlogEvent rows = ofType(WRITE_ROWS, 50);
    BinlogEvent xid = ofType(EventTypes.XID, 8);
    long probe = gtid(3, 10, 10, 1).length();
    long length = probe + begin.length() + rows.length() + xid.length();

    assertThat(places(List.of(gtid(3, 10, 10, length), begin, rows, xid)))
        .containsExactly(Place.START, Place.INSIDE, Place.INSIDE, Place.END);
  }

  @Test
  void aNewTransactionBeforeTheEndIsAnError() {
    TransactionFramer framer = new TransactionFramer(true);
    framer.place(gtid(4, 10, 10, 0));
    framer.place(query("BEGIN"));

    assertThatThrownBy(() -> framer.place(gtid(5, 10, 10, 0)))
        .isInstanceOf(BinlogFormatException.class)
        .hasMessageContaining(":4 has no end");
  }

  @Test
  void fileEventsAreOutsideTransactionsAndAnonymousOnesAreRefused() {
    TransactionFramer framer = new TransactionFramer(true);
    assertThat(framer.place(ofType(EventTypes.PREVIOUS_GTIDS, 8))).isEqualTo(Place.OUTSIDE);
    assertThat(framer.place(ofType(EventTypes.HEARTBEAT, 8))).isEqualTo(Place.OUTSIDE);
    assertThatThrownBy(() -> framer.place(ofType(EventTypes.ANONYMOUS_GTID, 40)))
        .hasMessageContaining("gtid_mode=ON");
  }

  @Test
  void gtidEventGivesBothCommitTimes() {
    GtidEvent parsed = GtidEvent.parse(gtid(42, 2_000_000, 1_000_000, 777), true);

    assertThat(parsed.gtid()).isEqualTo(TestEvents.UUID + ":42");
    assertThat(parsed.immediateCommitMicros()).isEqualTo(2_000_000);
    assertThat(parsed.originalCommitMicros()).isEqualTo(1_000_000);
    assertThat(parsed.originalCommitTime()).hasToString("1970-01-01T00:00:01Z");
    assertThat(parsed.transactionLength()).isEqualTo(777);
  }

  private static List<Place> places(List<BinlogEvent> events) {
    TransactionFramer framer = new TransactionFramer(true);
    return events.stream().map(framer::place).toList();
  }
}
