package dev.moco4j.local.stack;

import dev.moco4j.local.controlplane.LocalControlPlane;
import dev.moco4j.local.crd.Moco4jCrds;
import dev.moco4j.local.kubelet.ProcessKubelet;
import dev.moco4j.local.kubelet.ServiceImage;
import dev.moco4j.local.kubelet.ServiceImages;
import dev.moco4j.local.minio.LocalMinio;
import dev.moco4j.local.proxy.ServiceProxy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local stack as one long-running process, started and stopped by {@code
 * local-cluster/bin/moco4j-local up|down}: etcd, kube-apiserver, kube-controller-manager, the
 * process kubelet with the Service proxy, MinIO with a bucket, and moco4j's CRDs. It runs until
 * SIGTERM, then stops everything it started and removes the stack directory.
 *
 * <p>Usage: {@code LocalStackMain --dir <stack dir> [--source-tree <repo>] [--bucket <name>]}. In
 * the stack directory: {@code kubeconfig}, {@code s3.env} (endpoint, credentials, bucket; mode
 * 600), {@code logs/}, and {@code ready} once everything runs.
 */
public final class LocalStackMain {

  private static final Logger LOG = LoggerFactory.getLogger(LocalStackMain.class);

  /** Written last: its presence means the stack is up. */
  public static final String READY_FILE = "ready";

  public static final String S3_ENV_FILE = "s3.env";

  private LocalStackMain() {}

  public static void main(String[] args) throws InterruptedException {
    Options options = Options.parse(args);
    List<AutoCloseable> started = new ArrayList<>();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            Thread.ofPlatform()
                .name("local-stack-stop")
                .unstarted(
                    () -> {
                      stop(options.dir(), started);
                      stopped.countDown();
                    }));
    try {
      start(options, started);
    } catch (RuntimeException e) {
      LOG.error("the local stack did not start: {}", e.getMessage(), e);
      System.exit(1);
    }
    stopped.await();
  }

  private static void start(Options options, List<AutoCloseable> started) {
    Path dir = options.dir();
    LocalControlPlane plane = LocalControlPlane.start(dir, true, true);
    started.add(plane);
    Moco4jCrds.install(plane.client());
    ProcessKubelet kubelet = ProcessKubelet.start(plane.client(), dir);
    started.add(kubelet);
    if (options.sourceTree() != null) {
      for (ServiceImage image : ServiceImages.fromBuild(options.sourceTree())) {
        kubelet.serviceImages().register(image);
        LOG.info(
            "image {} runs {} from {}", image.repository(), image.mainClass(), image.classpath());
      }
    }
    started.add(ServiceProxy.start(plane.client()));
    LocalMinio minio = LocalMinio.start(dir.resolve("minio"), false, options.bucket());
    started.add(minio);
    writePrivate(
        dir.resolve(S3_ENV_FILE),
        """
        MOCO4J_S3_ENDPOINT=%s
        MOCO4J_S3_BUCKET=%s
        AWS_ACCESS_KEY_ID=%s
        AWS_SECRET_ACCESS_KEY=%s
        AWS_REGION=us-east-1
        """
            .formatted(minio.endpoint(), minio.bucket(), minio.accessKey(), minio.secretKey()));
    writePrivate(dir.resolve(READY_FILE), "kubeconfig=" + plane.kubeconfig() + "\n");
    LOG.info(
        "local stack is up: KUBECONFIG={} (S3 at {}, bucket {})",
        plane.kubeconfig(),
        minio.endpoint(),
        minio.bucket());
  }

  /** Stops in reverse start order: MinIO, proxy, pods, then the control plane (and its dir). */
  private static void stop(Path dir, List<AutoCloseable> started) {
    try {
      Files.deleteIfExists(dir.resolve(READY_FILE));
    } catch (IOException e) {
      LOG.debug("cannot delete the ready file", e);
    }
    for (AutoCloseable part : started.reversed()) {
      try {
        part.close();
      } catch (Exception e) {
        LOG.warn("stopping {}: {}", part.getClass().getSimpleName(), e.toString());
      }
    }
    started.clear();
    LOG.info("local stack stopped");
  }

  private static void writePrivate(Path file, String text) {
    try {
      Files.deleteIfExists(file);
      Files.createFile(
          file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  record Options(Path dir, Path sourceTree, String bucket) {

    static Options parse(String[] args) {
      Path dir = null;
      Path sourceTree = null;
      String bucket = "moco4j";
      for (int i = 0; i < args.length; i++) {
        String value = i + 1 < args.length ? args[i + 1] : null;
        switch (args[i]) {
          case "--dir" -> dir = Path.of(require(args[i], value));
          case "--source-tree" -> sourceTree = Path.of(require(args[i], value));
          case "--bucket" -> bucket = require(args[i], value);
          default -> throw usage("unknown option " + args[i]);
        }
        i++;
      }
      if (dir == null) {
        throw usage("--dir is required");
      }
      return new Options(dir.toAbsolutePath(), sourceTree, bucket);
    }

    private static String require(String option, String value) {
      if (value == null) {
        throw usage(option + " needs a value");
      }
      return value;
    }

    private static IllegalArgumentException usage(String problem) {
      return new IllegalArgumentException(
          problem
              + "; usage: LocalStackMain --dir <stack dir> [--source-tree <repo>] [--bucket <name>]");
    }
  }
}
