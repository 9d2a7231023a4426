package dev.moco4j.backup.binlog;

import com.github.shyiko.mysql.binlog.BinaryLogClient;
import com.github.shyiko.mysql.binlog.network.SSLMode;
import dev.moco4j.backup.format.BinlogIndex;
import dev.moco4j.mysql.BinlogSourceFacts;
import dev.moco4j.mysql.MySqlConnector;
import dev.moco4j.mysql.MySqlEndpoint;
import dev.moco4j.mysql.gtid.GtidSet;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Archives a cluster's binlog continuously: reads the current primary's binlog as a replica with
 * {@code COM_BINLOG_DUMP_GTID} from the archive's GTID set, writes whole transactions into segment
 * files and ships one every interval.
 *
 * <p>The GTID set of the shipped segments is the cursor. A (re)started archiver reads it from the
 * sink; after a broken connection or a primary change the archiver reconnects (to whatever the
 * supplier names then) with the set of everything it recorded, so the archive has no gap as long as
 * the new primary's binlog holds what the archive lacks, and no transaction twice.
 */
public final class BinlogArchiver implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(BinlogArchiver.class);

  private final String cluster;
  private final Supplier<MySqlEndpoint> primary;
  private final BinlogArchiverSettings settings;
  private final ArchiveSink sink;
  private final Clock clock;
  private final Consumer<ShippedSegment> onShipped;
  private final BlockingQueue<PendingSegment> finished = new LinkedBlockingQueue<>();
  private final SegmentShipper shipper;

  private volatile boolean running;
  private volatile BinaryLogClient client;

  /**
   * Set to make the current connection end at its next event (even if closing its socket hangs).
   */
  private volatile AtomicBoolean leave = new AtomicBoolean();

  private volatile MySqlEndpoint connectedTo;
  private volatile GtidSet shipped;
  private volatile Instant newestArchivedEvent;
  private volatile Exception lastFailure;
  private boolean abandoning;
  private StreamRecorder recorder;
  private Thread streamThread;
  private Thread shipperThread;

  /**
   * @param cluster namespace/name, for logs
   * @param primary names the current primary (null while there is none)
   * @param onShipped told of every shipped segment, on the shipping thread
   */
  public BinlogArchiver(
      String cluster,
      Supplier<MySqlEndpoint> primary,
      BinlogArchiverSettings settings,
      ArchiveSink sink,
      Clock clock,
      Consumer<ShippedSegment> onShipped) {
    this.cluster = cluster;
    this.primary = primary;
    this.settings = settings;
    this.sink = sink;
    this.clock = clock;
    this.onShipped = onShipped;
    this.shipper = new SegmentShipper(sink, clock);
  }

  /** Reads the cursor from the sink and starts streaming and shipping. */
  public synchronized void start() throws IOException {
    if (running) {
      return;
    }
    GtidSet archived = GtidSet.EMPTY;
    Instant newest = null;
    for (BinlogIndex index : sink.indexes()) {
      archived = archived.union(GtidSet.parse(index.gtidSet()));
      if (newest == null || index.lastEventTime().isAfter(newest)) {
        newest = index.lastEventTime();
      }
    }
    shipped = archived;
    abandoning = false;
    newestArchivedEvent = newest;
    recorder = new StreamRecorder(settings.spoolDir(), clock, archived, finished::add);
    running = true;
    streamThread = Thread.ofVirtual().name("binlog-stream-" + cluster).start(this::streamLoop);
    shipperThread = Thread.ofVirtual().name("binlog-ship-" + cluster).start(this::shipLoop);
    LOG.info("cluster={} binlog archiving starts after {}", cluster, archived);
  }

  /** The transactions in shipped segments. */
  public GtidSet archivedGtids() {
    return shipped;
  }

  /** The commit time of the newest archived transaction (the archive lag is now minus this). */
  public Instant newestArchivedEvent() {
    return newestArchivedEvent;
  }

  /** The instance streamed from right now, or null while not connected. */
  public MySqlEndpoint connectedTo() {
    return connectedTo;
  }

  /** The latest failure to stream or to ship, or null. */
  public Exception lastFailure() {
    return lastFailure;
  }

  private void streamLoop() {
    while (running) {
      MySqlEndpoint endpoint = currentPrimary();
      if (endpoint != null) {
        stream(endpoint);
      }
      if (running) {
        pause(settings.retryDelay());
      }
    }
  }

  private void stream(MySqlEndpoint endpoint) {
    try {
      BinlogSourceFacts facts =
          BinlogSourceFacts.read(new MySqlConnector(endpoint, settings.connection()));
      if (!"ON".equalsIgnoreCase(facts.gtidMode())) {
        throw new IllegalStateException(
            endpoint + " has gtid_mode=" + facts.gtidMode() + "; archiving needs ON");
      }
      BinaryLogClient next =
          new BinaryLogClient(
              endpoint.host(),
              endpoint.port(),
              settings.connection().credentials().user(),
              settings.connection().credentials().password());
      next.setServerId(settings.serverId());
      next.setKeepAlive(false);
      next.setSSLMode(SSLMode.PREFERRED);
      next.setConnectTimeout(settings.connection().connectTimeout().toMillis());
      // Heartbeats keep an idle link observably alive (and ends a dead one's reads).
      next.setHeartbeatInterval(Math.max(1000, settings.interval().toMillis()));
      next.setGtidSet(recorder.recorded().toString());
      AtomicBoolean leaving = new AtomicBoolean();
      next.setEventDeserializer(
          new RawEventDeserializer(
              event -> {
                if (leaving.get()) {
                  throw new IOException("leaving " + endpoint);
                }
                recorder.onEvent(event);
              }));
      next.registerLifecycleListener(new FailureRecorder());
      recorder.onConnected(facts.serverUuid(), facts.checksummed());
      leave = leaving;
      client = next;
      connectedTo = endpoint;
      LOG.info("cluster={} streaming the binlog of {} ({})", cluster, endpoint, facts.serverUuid());
      if (!running) {
        return;
      }
      next.connect();
    } catch (Exception e) {
      lastFailure = e;
      LOG.warn("cluster={} binlog stream from {} failed: {}", cluster, endpoint, e.toString());
    } finally {
      client = null;
      connectedTo = null;
      recorder.onDisconnected();
    }
  }

  private final class FailureRecorder extends BinaryLogClient.AbstractLifecycleListener {
    @Override
    public void onCommunicationFailure(BinaryLogClient client, Exception ex) {
      lastFailure = ex;
      LOG.warn("cluster={} binlog stream broke: {}", cluster, ex.toString());
    }

    @Override
    public void onEventDeserializationFailure(BinaryLogClient client, Exception ex) {
      // The raw bytes were already recorded; only the library's own decoding failed.
      LOG.debug("cluster={} binlog client could not decode an event: {}", cluster, ex.toString());
    }
  }

  private void shipLoop() {
    long intervalNanos = settings.interval().toNanos();
    long nextCut = System.nanoTime() + intervalNanos;
    // After close() the loop goes on until the stream has ended and its last segment is shipped.
    while (running || streamThread.isAlive() || !finished.isEmpty()) {
      try {
        long wait = running ? nextCut - System.nanoTime() : TimeUnit.MILLISECONDS.toNanos(50);
        if (wait <= 0 && running) {
          nextCut = System.nanoTime() + intervalNanos;
          recorder.requestCut();
          followPrimary();
          continue;
        }
        PendingSegment pending = finished.poll(Math.max(wait, 1), TimeUnit.NANOSECONDS);
        if (pending != null && abandoning) {
          deleteQuietly(pending);
        } else if (pending != null) {
          shipUntilStored(pending);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (IOException | RuntimeException e) {
        lastFailure = e;
        LOG.warn("cluster={} binlog segment cut failed: {}", cluster, e.toString());
      }
    }
  }

  /** Drops the connection when the supplier names another primary; the stream loop reconnects. */
  private void followPrimary() {
    MySqlEndpoint current = currentPrimary();
    MySqlEndpoint connected = connectedTo;
    BinaryLogClient streaming = client;
    if (connected != null && streaming != null && !connected.equals(current)) {
      LOG.info("cluster={} primary is now {}; leaving {}", cluster, current, connected);
      leaveConnection(streaming);
    }
  }

  /**
   * Retries a failed upload for as long as the archiver runs. When closing, one failed attempt
   * abandons the segment and the ones after it: their transactions are not in the stored cursor, so
   * the next run fetches them again (and its first segment, starting where this one did, replaces
   * the object this one may have left without an index).
   */
  private void shipUntilStored(PendingSegment pending) throws InterruptedException {
    while (true) {
      try {
        ShippedSegment segment = shipper.ship(pending);
        shipped = shipped.union(GtidSet.parse(segment.index().gtidSet()));
        newestArchivedEvent = segment.index().lastEventTime();
        onShipped.accept(segment);
        return;
      } catch (IOException | RuntimeException e) {
        lastFailure = e;
        if (!running) {
          LOG.warn(
              "cluster={} shipping segment {} failed while stopping; the next run fetches it"
                  + " again: {}",
              cluster,
              pending.summary().name(),
              e.toString());
          deleteQuietly(pending);
          // Later segments are dropped too: storing them would leave a hole before them.
          abandoning = true;
          return;
        }
        LOG.warn(
            "cluster={} shipping segment {} failed, retrying: {}",
            cluster,
            pending.summary().name(),
            e.toString());
        Thread.sleep(settings.retryDelay().toMillis());
      }
    }
  }

  private static void deleteQuietly(PendingSegment pending) {
    try {
      java.nio.file.Files.deleteIfExists(pending.summary().file());
    } catch (IOException e) {
      LOG.debug("cannot delete {}: {}", pending.summary().file(), e.toString());
    }
  }

  private MySqlEndpoint currentPrimary() {
    try {
      return primary.get();
    } catch (RuntimeException e) {
      lastFailure = e;
      return null;
    }
  }

  /**
   * Ends a connection: its next event (data or heartbeat) ends the stream, and its socket is closed
   * on another thread (the client library's disconnect waits for its reader to finish).
   */
  private void leaveConnection(BinaryLogClient streaming) {
    leave.set(true);
    Thread.ofVirtual().name("binlog-disconnect-" + cluster).start(() -> disconnect(streaming));
  }

  private static void disconnect(BinaryLogClient streaming) {
    try {
      streaming.disconnect();
    } catch (IOException e) {
      LOG.debug("closing a binlog connection: {}", e.toString());
    }
  }

  private void pause(Duration delay) {
    try {
      Thread.sleep(delay.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }

  /**
   * Stops streaming, ships the whole transactions recorded so far (a transaction still open is left
   * for the next run, which fetches it again), and returns when everything is stored.
   */
  @Override
  public void close() throws InterruptedException {
    Thread stream;
    Thread ship;
    synchronized (this) {
      if (!running) {
        return;
      }
      running = false;
      stream = streamThread;
      ship = shipperThread;
    }
    // The stream thread may be about to connect: keep closing whatever client it has until it ends.
    BinaryLogClient left = null;
    while (stream.isAlive()) {
      BinaryLogClient streaming = client;
      if (streaming != null && streaming != left) {
        leaveConnection(streaming);
        left = streaming;
      }
      stream.join(1000);
    }
    ship.join();
  }
}
