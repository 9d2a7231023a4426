package dev.moco4j.testing.mysqld;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Hands out loopback addresses (127.0.x.y) so every instance can listen on the standard port.
 *
 * <p>A lease is a file lock in the shared cache, held until released or until the JVM dies, so
 * concurrent test JVMs that share the cache never pick the same address. An address whose port is
 * still bound (say, by a process another run left behind) is skipped.
 *
 * <p>Test runs that share the network but not the cache (separate sandboxes or containers on one
 * host) cannot see each other's locks, and a port that is free now may be bound again later by an
 * instance the other run only stopped for a moment. Addresses are therefore drawn at random from
 * 127.0.1.1-127.0.255.254 rather than scanned from a fixed start, so two such runs practically
 * never meet on one address; scanning from the same start made them pick the same few addresses,
 * and one run's engine then reconfigured the other run's mysqld.
 */
final class LoopbackAddresses {

  private static final int ATTEMPTS = 500;

  private LoopbackAddresses() {}

  /** A leased address; closing it frees the address for others. */
  record Lease(String address, FileChannel channel, FileLock lock) implements AutoCloseable {
    @Override
    public void close() {
      try {
        lock.release();
        channel.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  static Lease lease(int port) {
    Path dir = MysqldDistribution.cacheRoot().resolve("loopback-leases");
    try {
      Files.createDirectories(dir);
      for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String address = "127.0." + random.nextInt(1, 256) + "." + random.nextInt(1, 255);
        FileChannel channel =
            FileChannel.open(
                dir.resolve(address + ".lock"),
                StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        FileLock lock;
        try {
          lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
          lock = null;
        }
        if (lock != null && isFree(address, port)) {
          return new Lease(address, channel, lock);
        }
        if (lock != null) {
          lock.release();
        }
        channel.close();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    throw new IllegalStateException("no free loopback address after " + ATTEMPTS + " attempts");
  }

  private static boolean isFree(String address, int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(InetAddress.getByName(address), port));
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
