package dev.moco4j.local.minio;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;

class LocalMinioIT {

  private static final int PART = 5 * 1024 * 1024;

  private static LocalMinio minio;

  @BeforeAll
  static void start() {
    minio = LocalMinio.start("moco4j-it");
  }

  @AfterAll
  static void stop() {
    if (minio != null) {
      minio.close();
    }
  }

  @Test
  void startsWithTheRequestedBucket() {
    try (S3Client s3 = minio.s3Client()) {
      assertThat(s3.listBuckets().buckets()).extracting(b -> b.name()).contains("moco4j-it");
    }
  }

  @Test
  void aMultipartUploadOfTwoFiveMebibytePartsAndATailReadsBackEqual() {
    byte[] data = new byte[2 * PART + 12345];
    new Random(42).nextBytes(data);
    try (S3Client s3 = minio.s3Client()) {
      s3.createBucket(b -> b.bucket("multipart"));
      String uploadId =
          s3.createMultipartUpload(b -> b.bucket("multipart").key("ns/c/backup.bin")).uploadId();
      List<CompletedPart> parts = new ArrayList<>();
      for (int number = 1, offset = 0; offset < data.length; number++, offset += PART) {
        int length = Math.min(PART, data.length - offset);
        int n = number;
        String etag =
            s3.uploadPart(
                    b ->
                        b.bucket("multipart")
                            .key("ns/c/backup.bin")
                            .uploadId(uploadId)
                            .partNumber(n),
                    RequestBody.fromBytes(Arrays.copyOfRange(data, offset, offset + length)))
                .eTag();
        parts.add(CompletedPart.builder().partNumber(number).eTag(etag).build());
      }
      s3.completeMultipartUpload(
          b ->
              b.bucket("multipart")
                  .key("ns/c/backup.bin")
                  .uploadId(uploadId)
                  .multipartUpload(m -> m.parts(parts)));

      byte[] read =
          s3.getObjectAsBytes(b -> b.bucket("multipart").key("ns/c/backup.bin")).asByteArray();

      assertThat(parts).hasSize(3);
      // Digests, not arrays: a mismatch should print 64 characters, not 10 MiB.
      assertThat(read.length).isEqualTo(data.length);
      assertThat(sha256(read)).isEqualTo(sha256(data));
    }
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
