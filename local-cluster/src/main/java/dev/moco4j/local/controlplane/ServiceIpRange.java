package dev.moco4j.local.controlplane;

import dev.moco4j.testing.mysqld.MysqldDistribution;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A leased loopback /24 (127.1.n.0/24) used as the apiserver's service-cluster-ip-range: every
 * ClusterIP is then a loopback address the Service proxy can really listen on, and the lease (a
 * file lock next to the pod-IP leases) keeps two stacks on this machine from sharing ClusterIPs.
 */
public final class ServiceIpRange implements AutoCloseable {

  private final String cidr;
  private final FileChannel channel;
  private final FileLock lock;

  private ServiceIpRange(String cidr, FileChannel channel, FileLock lock) {
    this.cidr = cidr;
    this.channel = channel;
    this.lock = lock;
  }

  public static ServiceIpRange lease() {
    Path dir = MysqldDistribution.cacheRoot().resolve("loopback-leases");
    try {
      Files.createDirectories(dir);
      for (int n = 1; n <= 254; n++) {
        String cidr = "127.1." + n + ".0/24";
        FileChannel channel =
            FileChannel.open(
                dir.resolve("service-range-127.1." + n + ".0.lock"),
                StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        FileLock lock;
        try {
          lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
          lock = null;
        }
        if (lock != null) {
          return new ServiceIpRange(cidr, channel, lock);
        }
        channel.close();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    throw new IllegalStateException("no free service range in 127.1.1.0/24-127.1.254.0/24");
  }

  public String cidr() {
    return cidr;
  }

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
