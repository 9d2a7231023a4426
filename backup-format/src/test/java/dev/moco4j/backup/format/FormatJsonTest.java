package dev.moco4j.backup.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.moco4j.backup.format.BackupManifest.VerificationStatus;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FormatJsonTest {

  private static final String KEY = "p/prod/shop/backups/20260102-030405/manifest.json";

  @Test
  void theCheckedInVersionOneManifestStaysReadable() throws IOException {
    BackupManifest manifest = FormatJson.readManifest(KEY, resource("/manifest-v1.json"));

    assertThat(manifest.formatVersion()).isEqualTo(1);
    assertThat(manifest.backupId()).isEqualTo(BackupId.parse("20260102-030405"));
    assertThat(manifest.source().index()).isEqualTo(1);
    assertThat(manifest.source().serverUuid()).isEqualTo("3e11fa47-71ca-11e1-9e33-c80aa9429562");
    assertThat(manifest.gtidSet()).isEqualTo("3e11fa47-71ca-11e1-9e33-c80aa9429562:1-1042");
    assertThat(manifest.binlog().file()).isEqualTo("binlog.000007");
    assertThat(manifest.binlog().position()).isEqualTo(15320);
    assertThat(manifest.startTime()).isEqualTo(Instant.parse("2026-01-02T03:04:05Z"));
    assertThat(manifest.endTime()).isEqualTo(Instant.parse("2026-01-02T03:09:41.250Z"));
    assertThat(manifest.tables()).hasSize(1);
    BackupManifest.TableEntry table = manifest.tables().getFirst();
    assertThat(table.table()).isEqualTo("order lines");
    assertThat(table.rows()).isEqualTo(120000);
    assertThat(table.chunks())
        .containsExactly(
            BackupPaths.dataChunk("sales", "order lines", 1),
            BackupPaths.dataChunk("sales", "order lines", 2));
    assertThat(manifest.objects()).hasSize(4);
    assertThat(manifest.objects().get(1).key()).isEqualTo(BackupPaths.USERS_AND_GRANTS);
    assertThat(manifest.warnings()).hasSize(1);
    assertThat(manifest.verification().status()).isEqualTo(VerificationStatus.PASSED);
  }

  @Test
  void aWrittenManifestReadsBackEqual() throws IOException {
    BackupManifest sample = FormatJson.readManifest(KEY, resource("/manifest-v1.json"));

    assertThat(FormatJson.readManifest(KEY, FormatJson.write(sample))).isEqualTo(sample);
  }

  @Test
  void aManifestWithoutVerificationLeavesTheFieldOut() throws IOException {
    BackupManifest sample =
        FormatJson.readManifest(KEY, resource("/manifest-v1.json")).withVerification(null);

    String json = new String(FormatJson.write(sample), StandardCharsets.UTF_8);

    assertThat(json).doesNotContain("verification").contains("\"2026-01-02T03:04:05Z\"");
    assertThat(FormatJson.readManifest(KEY, json.getBytes(StandardCharsets.UTF_8)))
        .isEqualTo(sample);
  }

  @Test
  void fieldsAndStatusesOfANewerWriterOfTheSameVersionAreIgnored() throws IOException {
    String json =
        new String(resource("/manifest-v1.json"), StandardCharsets.UTF_8)
            .replace("\"formatVersion\": 1,", "\"formatVersion\": 1, \"encryption\": {\"x\": 1},")
            .replace("\"PASSED\"", "\"PASSED_WITH_NOTES\"");

    BackupManifest manifest = FormatJson.readManifest(KEY, json.getBytes(StandardCharsets.UTF_8));

    assertThat(manifest.verification().status()).isEqualTo(VerificationStatus.UNKNOWN);
  }

  @Test
  void aNewerFormatVersionIsRefusedNamingTheKey() throws IOException {
    byte[] json =
        new String(resource("/manifest-v1.json"), StandardCharsets.UTF_8)
            .replace("\"formatVersion\": 1", "\"formatVersion\": 2")
            .getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> FormatJson.readManifest(KEY, json))
        .isInstanceOf(UnsupportedFormatVersionException.class)
        .hasMessageContaining(KEY)
        .hasMessageContaining("formatVersion 2")
        .hasMessageContaining("reads formatVersion 1");
  }

  @Test
  void somethingThatIsNotAManifestIsRefusedNamingTheKey() {
    assertThatThrownBy(() -> FormatJson.readManifest(KEY, "{\"tables\": []}".getBytes()))
        .isInstanceOf(BackupFormatException.class)
        .hasMessageContaining(KEY);
    assertThatThrownBy(() -> FormatJson.readManifest(KEY, "<html>".getBytes()))
        .isInstanceOf(BackupFormatException.class)
        .hasMessageContaining(KEY);
  }

  @Test
  void theCheckedInVersionOneBinlogIndexStaysReadableAndRoundTrips() throws IOException {
    String key = "p/prod/shop/binlogs/x/binlog.000042.index.json";
    BinlogIndex index = FormatJson.readBinlogIndex(key, resource("/binlog-index-v1.json"));

    assertThat(index.file()).isEqualTo("binlog.000042");
    assertThat(index.firstGtid()).isEqualTo("3e11fa47-71ca-11e1-9e33-c80aa9429562:1001");
    assertThat(index.lastEventTime()).isEqualTo(Instant.parse("2026-01-02T03:59:59Z"));
    assertThat(index.size()).isEqualTo(201326592L);
    assertThat(FormatJson.readBinlogIndex(key, FormatJson.write(index))).isEqualTo(index);
  }

  private static byte[] resource(String name) throws IOException {
    try (InputStream in = FormatJsonTest.class.getResourceAsStream(name)) {
      return in.readAllBytes();
    }
  }
}
