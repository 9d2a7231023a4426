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

/**
 * Hands out loopback addresses (127.0.0.x) so every instance can listen on the standard port.
 *
 * <p>A lease is a file lock in the shared cache, held until released or until the JVM dies, so
 * concurrent test JVMs never pick the same address. An address whose port is still bound (say, by a
 * process another run left behind) is skipped. The process kubelet in {@code local-cluster} leases
 * its pod IPs here too, so pods and test instances never share an address.
 */
public final class LoopbackAddresses {

  private static final int FIRST = 20;
  private static final int LAST = 250;

  private LoopbackAddresses() {}

  private static final java.util.Set<String> HELD_HERE = new java.util.HashSet<>();

  /** A leased address; closing it frees the address for others. */
  public record Lease(String address, FileChannel channel, FileLock lock) implements AutoCloseable {
    @Override
    public void close() {
      synchronized (HELD_HERE) {
        HELD_HERE.remove(address);
      }
      try {
        lock.release();
        channel.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** Leases the first free address on which {@code port} can still be bound. */
  public static Lease lease(int port) {
    synchronized (HELD_HERE) {
      Lease lease = leaseUnheld(port);
      HELD_HERE.add(lease.address());
      return lease;
    }
  }

  private static Lease leaseUnheld(int port) {
    Path dir = MysqldDistribution.cacheRoot().resolve("loopback-leases");
    try {
      Files.createDirectories(dir);
      for (int last = FIRST; last <= LAST; last++) {
        String address = "127.0.0." + last;
        if (HELD_HERE.contains(address)) {
          continue;
        }
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
    throw new IllegalStateException("no free loopback address in 127.0.0." + FIRST + "-" + LAST);
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
