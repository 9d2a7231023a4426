package dev.moco4j.backup.binlog;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.luben.zstd.ZstdInputStream;
import dev.moco4j.backup.format.BinlogIndex;
import dev.moco4j.backup.format.BucketLayout;
import dev.moco4j.mysql.ConnectionSettings;
import dev.moco4j.mysql.Credentials;
import dev.moco4j.mysql.MySqlEndpoint;
import dev.moco4j.mysql.gtid.GtidSet;
import dev.moco4j.testing.mysqld.MysqldInstance;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/** An archiver writing into a local directory, and what the tests read back from it. */
final class ArchiveFixture implements AutoCloseable {

  static final Credentials ROOT = new Credentials(MysqldInstance.USER, "");
  static final Duration INTERVAL = Duration.ofMillis(500);

  final Path dir;
  final LocalDirectorySink sink;
  final List<ShippedSegment> shipped = new CopyOnWriteArrayList<>();
  private BinlogArchiver archiver;

  ArchiveFixture(Path dir) {
    this.dir = dir;
    this.sink = new LocalDirectorySink(dir.resolve("bucket"), BucketLayout.of("", "ns", "c1"));
  }

  BinlogArchiver start(Supplier<MySqlEndpoint> primary) throws IOException {
    return start(primary, sink);
  }

  BinlogArchiver start(Supplier<MySqlEndpoint> primary, ArchiveSink into) throws IOException {
    archiver =
        new BinlogArchiver(
            "ns/c1",
            primary,
            new BinlogArchiverSettings(
                ConnectionSettings.of(ROOT),
                4_000_001,
                INTERVAL,
                dir.resolve("spool"),
                Duration.ofMillis(200)),
            into,
            Clock.systemUTC(),
            shipped::add);
    archiver.start();
    return archiver;
  }

  void stop() throws InterruptedException {
    if (archiver != null) {
      archiver.close();
      archiver = null;
    }
  }

  @Override
  public void close() throws InterruptedException {
    stop();
  }

  static MySqlEndpoint endpoint(MysqldInstance instance) {
    return new MySqlEndpoint(instance.host(), instance.port());
  }

  /** The segments in the sink, per server in stream order. */
  List<BinlogIndex> indexes() throws IOException {
    return sink.indexes().stream()
        .sorted(Comparator.comparing(BinlogIndex::serverUuid).thenComparing(BinlogIndex::file))
        .toList();
  }

  /** The union of all segments' GTID sets, checking on the way that no two segments overlap. */
  GtidSet archivedExactlyOnce() throws IOException {
    GtidSet union = GtidSet.EMPTY;
    long count = 0;
    for (BinlogIndex index : indexes()) {
      GtidSet segment = GtidSet.parse(index.gtidSet());
      assertThat(segment.intersect(union))
          .as("GTIDs archived twice, in %s", index.file())
          .isEqualTo(GtidSet.EMPTY);
      union = union.union(segment);
      count += segment.count();
    }
    assertThat(union.count()).isEqualTo(count);
    return union;
  }

  /** A segment decompressed into a plain binlog file. */
  Path decompressed(BinlogIndex index) throws IOException {
    Path out = Files.createDirectories(dir.resolve("plain")).resolve(index.file());
    try (InputStream in = new ZstdInputStream(Files.newInputStream(sink.binlogPath(index)))) {
      Files.copy(in, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
    return out;
  }

  static GtidSet gtidExecuted(MysqldInstance instance) throws SQLException {
    return GtidSet.parse(queryString(instance, "SELECT @@global.gtid_executed"));
  }

  static String queryString(MysqldInstance instance, String sql) throws SQLException {
    try (Connection connection = instance.connect();
        Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }

  static void execute(MysqldInstance instance, String... statements) throws SQLException {
    try (Connection connection = instance.connect();
        Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    }
  }
}
