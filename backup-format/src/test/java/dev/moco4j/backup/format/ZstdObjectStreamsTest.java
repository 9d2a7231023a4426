package dev.moco4j.backup.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.luben.zstd.ZstdInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ZstdObjectStreamsTest {

  private static final String KEY = "p/ns/c/backups/20260102-030405/data/d/t/00000001.tsv.zst";

  private final byte[] content = sampleContent();

  @Test
  void theRecordedDigestIsThatOfTheBytesThatReachedTheTarget() throws Exception {
    ByteArrayOutputStream target = new ByteArrayOutputStream();
    ZstdObjectOutputStream out = new ZstdObjectOutputStream(target);
    out.write(content);
    out.close();

    byte[] stored = target.toByteArray();
    assertThat(out.stored().size()).isEqualTo(stored.length);
    assertThat(out.stored().sha256())
        .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(stored)));
    assertThat(out.uncompressedSize()).isEqualTo(content.length);
    assertThat(stored.length).isLessThan(content.length);
    try (InputStream plain = new ZstdInputStream(new ByteArrayInputStream(stored))) {
      assertThat(plain.readAllBytes()).isEqualTo(content);
    }
  }

  @Test
  void theDigestIsOnlyKnownOnceClosed() throws IOException {
    ZstdObjectOutputStream out = new ZstdObjectOutputStream(new ByteArrayOutputStream());

    assertThatThrownBy(out::stored).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void anIntactObjectReadsBackWhole() throws IOException {
    Stored stored = store(content);

    try (InputStream in = open(stored.bytes, stored.digest)) {
      assertThat(in.readAllBytes()).isEqualTo(content);
    }
  }

  @Test
  void aFlippedByteIsReportedForTheKey() throws IOException {
    Stored stored = store(content);
    byte[] damaged = stored.bytes.clone();
    damaged[damaged.length / 2] ^= 0x01;

    assertThatThrownBy(() -> readAll(damaged, stored.digest))
        .isInstanceOf(ObjectIntegrityException.class)
        .hasMessageContaining(KEY);
  }

  @Test
  void aCutOffObjectIsReportedForTheKey() throws IOException {
    Stored stored = store(content);
    byte[] truncated = Arrays.copyOf(stored.bytes, stored.bytes.length - 10);

    assertThatThrownBy(() -> readAll(truncated, stored.digest))
        .isInstanceOf(ObjectIntegrityException.class)
        .hasMessageContaining(KEY);
  }

  @Test
  void bytesAppendedAfterTheLastFrameAreReported() throws IOException {
    Stored stored = store(content);
    byte[] longer = Arrays.copyOf(stored.bytes, stored.bytes.length + 3);

    assertThatThrownBy(() -> readAll(longer, stored.digest))
        .isInstanceOf(BackupFormatException.class)
        .hasMessageContaining(KEY);
  }

  @Test
  void aDigestThatDoesNotMatchTheObjectIsReportedAtTheEnd() throws IOException {
    Stored stored = store(content);
    ObjectDigest wrong = new ObjectDigest(stored.digest.size(), "00".repeat(32));

    assertThatThrownBy(() -> readAll(stored.bytes, wrong))
        .isInstanceOf(ObjectIntegrityException.class)
        .satisfies(
            e -> {
              ObjectIntegrityException failure = (ObjectIntegrityException) e;
              assertThat(failure.key()).isEqualTo(KEY);
              assertThat(failure.actual()).isEqualTo(stored.digest);
            });
  }

  private record Stored(byte[] bytes, ObjectDigest digest) {}

  private static Stored store(byte[] content) throws IOException {
    ByteArrayOutputStream target = new ByteArrayOutputStream();
    try (ZstdObjectOutputStream out = new ZstdObjectOutputStream(target)) {
      out.write(content);
      out.close();
      return new Stored(target.toByteArray(), out.stored());
    }
  }

  private static InputStream open(byte[] stored, ObjectDigest digest) throws IOException {
    return new ZstdObjectInputStream(new ByteArrayInputStream(stored), KEY, digest);
  }

  private static void readAll(byte[] stored, ObjectDigest digest) throws IOException {
    try (InputStream in = open(stored, digest)) {
      in.readAllBytes();
    }
  }

  private static byte[] sampleContent() {
    Random random = new Random(42);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < 20_000; i++) {
      out.writeBytes(("row " + i + "\t" + random.nextInt(1000) + "\n").getBytes());
    }
    return out.toByteArray();
  }
}
