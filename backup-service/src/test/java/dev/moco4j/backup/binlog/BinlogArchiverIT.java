package dev.moco4j.backup.binlog;

import static dev.moco4j.backup.binlog.ArchiveFixture.endpoint;
import static dev.moco4j.backup.binlog.ArchiveFixture.execute;
import static dev.moco4j.backup.binlog.ArchiveFixture.gtidExecuted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.shyiko.mysql.binlog.BinaryLogFileReader;
import com.github.shyiko.mysql.binlog.event.Event;
import com.github.shyiko.mysql.binlog.event.EventType;
import com.github.shyiko.mysql.binlog.event.GtidEventData;
import com.github.shyiko.mysql.binlog.event.QueryEventData;
import dev.moco4j.backup.format.BinlogIndex;
import dev.moco4j.backup.format.ObjectDigest;
import dev.moco4j.backup.format.ZstdObjectInputStream;
import dev.moco4j.binlog.BinlogTransaction;
import dev.moco4j.binlog.PointInTimeCopy;
import dev.moco4j.binlog.SegmentReader;
import dev.moco4j.mysql.gtid.GtidSet;
import dev.moco4j.testing.mysqld.MysqldCluster;
import dev.moco4j.testing.mysqld.MysqldInstance;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class BinlogArchiverIT {

  @RegisterExtension static final MysqldCluster mysqld = MysqldCluster.withInstances(1).build();

  @TempDir Path dir;

  private static MysqldInstance primary() {
    return mysqld.instance(0);
  }

  @Test
  void burstOfWritesIsArchivedExactlyOnceInSegmentsOfWholeTransactions() throws Exception {
    try (ArchiveFixture archive = new ArchiveFixture(dir)) {
      BinlogArchiver archiver = archive.start(() -> endpoint(primary()));
      writeBurst("burst");

      GtidSet executed = gtidExecuted(primary());
      await().atMost(Duration.ofSeconds(60)).until(() -> archiver.archivedGtids().equals(executed));

      assertThat(archive.archivedExactlyOnce()).isEqualTo(executed);
      assertThat(archive.indexes()).hasSizeGreaterThan(1);
      for (BinlogIndex index : archive.indexes()) {
        assertStoredBytesMatchIndex(archive, index);
        Path plain = archive.decompressed(index);
        assertThat(Files.size(plain)).isEqualTo(index.uncompressedSize());
        assertHoldsWholeTransactionsOf(plain, index);
        assertLibraryDecodesWholeTransactions(plain, GtidSet.parse(index.gtidSet()));
      }
    }
  }

  @Test
  void archivedSegmentDecodesWithMariadbBinlog() throws Exception {
    try (ArchiveFixture archive = new ArchiveFixture(dir)) {
      BinlogArchiver archiver = archive.start(() -> endpoint(primary()));
      execute(
          primary(),
          "CREATE DATABASE IF NOT EXISTS decode",
          "CREATE TABLE decode.items (id INT PRIMARY KEY, name VARCHAR(40))",
          "INSERT INTO decode.items VALUES (1, 'first-row'), (2, 'second-row')");
      GtidSet executed = gtidExecuted(primary());
      await().atMost(Duration.ofSeconds(60)).until(() -> archiver.archivedGtids().equals(executed));

      BinlogIndex last = archive.indexes().getLast();
      Process decode =
          new ProcessBuilder(
                  "mariadb-binlog",
                  "--verbose",
                  "--base64-output=DECODE-ROWS",
                  "--verify-binlog-checksum",
                  archive.decompressed(last).toString())
              .redirectErrorStream(true)
              .start();
      String output = new String(decode.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(decode.waitFor(30, TimeUnit.SECONDS)).isTrue();

      assertThat(decode.exitValue()).as(output).isZero();
      assertThat(output)
          .contains("INSERT INTO `decode`.`items`")
          .contains("'second-row'")
          .contains("end_log_pos " + last.uncompressedSize());
    }
  }

  @Test
  void restartedArchiverContinuesWithoutGapOrDuplicate() throws Exception {
    try (ArchiveFixture archive = new ArchiveFixture(dir)) {
      execute(
          primary(),
          "CREATE DATABASE IF NOT EXISTS restart",
          "CREATE TABLE restart.rows (id INT PRIMARY KEY)");
      archive.start(() -> endpoint(primary()));
      insertRows("restart.rows", 1, 50);
      GtidSet first = gtidExecuted(primary());
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> archive.archivedExactlyOnce().equals(first));
      archive.stop();

      insertRows("restart.rows", 51, 100);
      BinlogArchiver second = archive.start(() -> endpoint(primary()));
      insertRows("restart.rows", 101, 150);

      GtidSet executed = gtidExecuted(primary());
      await().atMost(Duration.ofSeconds(60)).until(() -> second.archivedGtids().equals(executed));
      assertThat(archive.archivedExactlyOnce()).isEqualTo(executed);
    }
  }

  @Test
  void segmentOrphanedBetweenObjectAndIndexIsReplacedAndNothingIsLost() throws Exception {
    try (ArchiveFixture archive = new ArchiveFixture(dir)) {
      execute(
          primary(),
          "CREATE DATABASE IF NOT EXISTS orphan",
          "CREATE TABLE orphan.rows (id INT PRIMARY KEY)");
      // The object is stored, then the service "dies" before the index: every index write fails.
      ArchiveSink diesBeforeIndex =
          new ArchiveSink() {
            @Override
            public List<BinlogIndex> indexes() throws IOException {
              return archive.sink.indexes();
            }

            @Override
            public void store(BinlogIndex index, Path compressed) throws IOException {
              Path object = archive.sink.binlogPath(index);
              Files.createDirectories(object.getParent());
              Files.copy(compressed, object, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
              throw new IOException("simulated crash before the index was written");
            }
          };
      BinlogArchiver crashing = archive.start(() -> endpoint(primary()), diesBeforeIndex);
      insertRows("orphan.rows", 1, 30);
      await().atMost(Duration.ofSeconds(30)).until(() -> crashing.lastFailure() != null);
      archive.stop();
      assertThat(archive.indexes()).isEmpty();
      assertThat(objectsWithoutIndex(archive)).hasSize(1);

      BinlogArchiver second = archive.start(() -> endpoint(primary()));
      insertRows("orphan.rows", 31, 60);
      GtidSet executed = gtidExecuted(primary());
      await().atMost(Duration.ofSeconds(60)).until(() -> second.archivedGtids().equals(executed));

      assertThat(archive.archivedExactlyOnce()).isEqualTo(executed);
      assertThat(objectsWithoutIndex(archive)).as("objects without an index").isEmpty();
    }
  }

  private static List<Path> objectsWithoutIndex(ArchiveFixture archive) throws IOException {
    try (var files = Files.walk(archive.dir.resolve("bucket"))) {
      return files
          .filter(p -> p.getFileName().toString().endsWith(".zst"))
          .filter(
              p ->
                  !Files.exists(
                      p.resolveSibling(p.getFileName().toString().replace(".zst", ".index.json"))))
          .toList();
    }
  }

  @Test
  void segmentIsCopiedUpToAPointInTime() throws Exception {
    try (ArchiveFixture archive = new ArchiveFixture(dir)) {
      execute(
          primary(),
          "CREATE DATABASE IF NOT EXISTS pit",
          "CREATE TABLE pit.rows (id INT PRIMARY KEY)");
      BinlogArchiver archiver = archive.start(() -> endpoint(primary()));
      insertRows("pit.rows", 1, 40);
      GtidSet executed = gtidExecuted(primary());
      await().atMost(Duration.ofSeconds(60)).until(() -> archiver.archivedGtids().equals(executed));

      BinlogIndex index = archive.indexes().getLast();
      List<BinlogTransaction> transactions = transactionsOf(archive.decompressed(index));
      assertThat(transactions).hasSizeGreaterThanOrEqualTo(2);
      BinlogTransaction cutAfter = transactions.get(transactions.size() / 2);
      GtidSet expected = GtidSet.EMPTY;
      for (BinlogTransaction transaction : transactions) {
        if (!transaction
            .gtid()
            .originalCommitTime()
            .isAfter(cutAfter.gtid().originalCommitTime())) {
          expected = expected.union(GtidSet.parse(transaction.gtid().gtid()));
        }
      }

      Path copy = dir.resolve("until.bin");
      GtidSet copied;
      try (SegmentReader reader =
              new SegmentReader(Files.newInputStream(archive.decompressed(index)));
          var out = Files.newOutputStream(copy)) {
        copied =
            PointInTimeCopy.copy(
                reader,
                out,
                cutAfter.gtid().originalCommitTime(),
                GtidSet.parse(index.previousGtids()),
                1);
      }
      assertThat(copied).isEqualTo(expected).isNotEqualTo(GtidSet.parse(index.gtidSet()));
      assertLibraryDecodesWholeTransactions(copy, expected);
    }
  }

  private static void writeBurst(String database) throws SQLException {
    execute(
        primary(),
        "CREATE DATABASE IF NOT EXISTS " + database,
        "CREATE TABLE " + database + ".items (id INT PRIMARY KEY, payload LONGTEXT)");
    try (Connection connection = primary().connect();
        Statement statement = connection.createStatement()) {
      for (int id = 1; id <= 200; id++) {
        statement.execute("INSERT INTO " + database + ".items VALUES (" + id + ", 'row')");
      }
      connection.setAutoCommit(false);
      for (int batch = 0; batch < 20; batch++) {
        for (int row = 0; row < 10; row++) {
          int id = 1000 + batch * 10 + row;
          statement.execute("INSERT INTO " + database + ".items VALUES (" + id + ", 'batch')");
          if (row == 4) {
            statement.execute("SAVEPOINT half");
          }
        }
        connection.commit();
      }
      // A large transaction: about 8 MB in one commit.
      for (int id = 5000; id < 5400; id++) {
        statement.execute(
            "INSERT INTO " + database + ".items VALUES (" + id + ", REPEAT('x', 20000))");
      }
      connection.commit();
      connection.setAutoCommit(true);
      statement.execute("UPDATE " + database + ".items SET payload = 'updated' WHERE id < 100");
      statement.execute("ALTER TABLE " + database + ".items ADD COLUMN extra INT");
    }
  }

  private static void insertRows(String table, int from, int to) throws SQLException {
    try (Connection connection = primary().connect();
        Statement statement = connection.createStatement()) {
      for (int id = from; id <= to; id++) {
        statement.execute("INSERT INTO " + table + " VALUES (" + id + ")");
      }
    }
  }

  private static void assertStoredBytesMatchIndex(ArchiveFixture archive, BinlogIndex index)
      throws IOException {
    try (InputStream in =
        new ZstdObjectInputStream(
            Files.newInputStream(archive.sink.binlogPath(index)),
            index.file(),
            new ObjectDigest(index.size(), index.sha256()))) {
      assertThat(in.transferTo(java.io.OutputStream.nullOutputStream()))
          .isEqualTo(index.uncompressedSize());
    }
  }

  /** Reads the segment with this project's reader: whole transactions, matching the index. */
  private static void assertHoldsWholeTransactionsOf(Path plain, BinlogIndex index)
      throws IOException {
    List<BinlogTransaction> transactions = transactionsOf(plain);
    GtidSet gtids = GtidSet.EMPTY;
    for (BinlogTransaction transaction : transactions) {
      gtids = gtids.union(GtidSet.parse(transaction.gtid().gtid()));
    }
    assertThat(gtids).isEqualTo(GtidSet.parse(index.gtidSet()));
    assertThat(transactions.getFirst().gtid().gtid()).isEqualTo(index.firstGtid());
    assertThat(transactions.getLast().gtid().gtid()).isEqualTo(index.lastGtid());
    assertThat(transactions.getFirst().gtid().originalCommitTime())
        .isEqualTo(index.firstEventTime());
    assertThat(transactions.getLast().gtid().originalCommitTime()).isEqualTo(index.lastEventTime());
  }

  private static List<BinlogTransaction> transactionsOf(Path plain) throws IOException {
    List<BinlogTransaction> transactions = new ArrayList<>();
    try (SegmentReader reader = new SegmentReader(Files.newInputStream(plain))) {
      for (BinlogTransaction t = reader.nextTransaction();
          t != null;
          t = reader.nextTransaction()) {
        transactions.add(t);
      }
    }
    return transactions;
  }

  /**
   * Decodes the file with the client library's own file reader (an independent parser): every
   * transaction opens with a GTID event and closes with an XID or a lone DDL query before the next
   * GTID, and the file ends after a closed transaction.
   */
  private static void assertLibraryDecodesWholeTransactions(Path plain, GtidSet expected)
      throws IOException {
    GtidSet seen = GtidSet.EMPTY;
    boolean open = false;
    boolean begun = false;
    try (BinaryLogFileReader reader = new BinaryLogFileReader(plain.toFile())) {
      for (Event event = reader.readEvent(); event != null; event = reader.readEvent()) {
        EventType type = event.getHeader().getEventType();
        if (type == EventType.GTID) {
          assertThat(open).as("a GTID inside a transaction").isFalse();
          GtidEventData data = event.getData();
          seen = seen.union(GtidSet.parse(data.getGtid()));
          open = true;
          begun = false;
        } else if (type == EventType.XID) {
          assertThat(open).isTrue();
          open = false;
        } else if (type == EventType.QUERY) {
          assertThat(open).isTrue();
          String sql = ((QueryEventData) event.getData()).getSql();
          if (sql.equals("BEGIN")) {
            begun = true;
          } else if (!begun || sql.equals("COMMIT")) {
            open = false;
          }
        }
      }
    }
    assertThat(open).as("the file ends inside a transaction").isFalse();
    assertThat(seen).isEqualTo(expected);
  }
}
