package dev.moco4j.local.minio;

import dev.moco4j.local.binaries.TestBinaries;
import dev.moco4j.local.process.ChildProcess;
import dev.moco4j.local.process.Directories;
import dev.moco4j.local.process.FreePorts;
import dev.moco4j.local.process.LocalHttp;
import dev.moco4j.local.process.OrphanReaper;
import dev.moco4j.local.process.Waits;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A real MinIO server on a free loopback port with a temp data directory, random root credentials
 * and one bucket, for tests and the local stack: the S3 endpoint the backup code talks to.
 */
public final class LocalMinio implements AutoCloseable {

  private final Path dir;
  private final boolean deleteOnClose;
  private final String accessKey;
  private final String secretKey;
  private final String bucket;
  private ChildProcess process;
  private String endpoint;

  private LocalMinio(Path dir, boolean deleteOnClose, String bucket) {
    this.dir = dir;
    this.deleteOnClose = deleteOnClose;
    this.bucket = bucket;
    this.accessKey = "moco4j-" + UUID.randomUUID().toString().substring(0, 8);
    this.secretKey = UUID.randomUUID().toString().replace("-", "");
  }

  /** Starts MinIO in a fresh temp directory with {@code bucket} created. */
  public static LocalMinio start(String bucket) {
    try {
      return start(Files.createTempDirectory("moco4j-minio-"), true, bucket);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static LocalMinio start(Path dir, boolean deleteOnClose, String bucket) {
    LocalMinio minio = new LocalMinio(dir, deleteOnClose, bucket);
    try {
      minio.startProcess(TestBinaries.locate());
      try (S3Client s3 = minio.s3Client()) {
        s3.createBucket(b -> b.bucket(bucket));
      }
      return minio;
    } catch (RuntimeException e) {
      minio.close();
      throw e;
    }
  }

  private void startProcess(TestBinaries binaries) {
    Path pidDir = dir.resolve("pids");
    OrphanReaper.watch(pidDir, dir, deleteOnClose ? dir : null);
    int port = FreePorts.next();
    endpoint = "http://127.0.0.1:" + port;
    process =
        ChildProcess.start(
            "minio",
            List.of(
                binaries.minio().toString(),
                "server",
                "--address",
                "127.0.0.1:" + port,
                "--console-address",
                "127.0.0.1:" + FreePorts.next(),
                "--quiet",
                dir.resolve("data").toString()),
            Map.of(
                "MINIO_ROOT_USER",
                accessKey,
                "MINIO_ROOT_PASSWORD",
                secretKey,
                "MINIO_BROWSER",
                "off",
                "MINIO_UPDATE",
                "off"),
            dir,
            dir.resolve("logs/minio.log"),
            pidDir);
    Waits.untilReady(
        process,
        Duration.ofSeconds(60),
        () -> LocalHttp.status(endpoint + "/minio/health/ready", null) == 200);
  }

  /** An S3 client for this server: path-style addressing, region us-east-1. */
  public S3Client s3Client() {
    return S3Client.builder()
        .endpointOverride(URI.create(endpoint))
        .region(Region.US_EAST_1)
        .forcePathStyle(true)
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)))
        .httpClient(UrlConnectionHttpClient.create())
        .build();
  }

  public String endpoint() {
    return endpoint;
  }

  public String accessKey() {
    return accessKey;
  }

  public String secretKey() {
    return secretKey;
  }

  public String bucket() {
    return bucket;
  }

  @Override
  public void close() {
    if (process != null) {
      process.close();
    }
    if (deleteOnClose) {
      Directories.deleteRecursively(dir);
    }
  }
}
