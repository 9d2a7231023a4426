package dev.moco4j.backup.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BucketLayoutTest {

  private static final BackupId ID = BackupId.of(Instant.parse("2026-01-02T03:04:05Z"));
  private static final String UUID = "3e11fa47-71ca-11e1-9e33-c80aa9429562";

  private final BucketLayout layout = BucketLayout.of("moco4j", "prod", "shop");

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "''|prod/shop/",
        "/|prod/shop/",
        "backups|backups/prod/shop/",
        "backups/|backups/prod/shop/",
        "/team/backups//|team/backups/prod/shop/"
      })
  void prefixNeedsNoParticularSlashes(String prefix, String clusterPrefix) {
    assertThat(BucketLayout.of(prefix, "prod", "shop").clusterPrefix()).isEqualTo(clusterPrefix);
  }

  @Test
  void backupObjectsLiveUnderTheBackupsDirectory() {
    assertThat(layout.backupsPrefix()).isEqualTo("moco4j/prod/shop/backups/");
    assertThat(layout.backupPrefix(ID)).isEqualTo("moco4j/prod/shop/backups/20260102-030405/");
    assertThat(layout.manifest(ID))
        .isEqualTo("moco4j/prod/shop/backups/20260102-030405/manifest.json");
    assertThat(layout.schema(ID, "sales"))
        .isEqualTo("moco4j/prod/shop/backups/20260102-030405/schema/sales.sql");
    assertThat(layout.usersAndGrants(ID))
        .isEqualTo("moco4j/prod/shop/backups/20260102-030405/users.sql");
    assertThat(layout.dataChunk(ID, "sales", "order lines", 12))
        .isEqualTo(
            "moco4j/prod/shop/backups/20260102-030405/data/sales/order%20lines/00000012.tsv.zst");
  }

  @Test
  void chunkKeysSortInChunkOrder() {
    assertThat(BackupPaths.dataChunk("d", "t", 9)).isLessThan(BackupPaths.dataChunk("d", "t", 10));
    assertThat(BackupPaths.dataChunk("d", "t", 99_999_998))
        .isLessThan(BackupPaths.dataChunk("d", "t", 99_999_999));
    assertThatThrownBy(() -> BackupPaths.dataChunk("d", "t", 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> BackupPaths.dataChunk("d", "t", 100_000_000))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aDatabaseNamedLikeAFileCannotCollideWithTheUsersFile() {
    assertThat(layout.schema(ID, "users")).isNotEqualTo(layout.usersAndGrants(ID));
    assertThat(BackupPaths.schema("../x")).isEqualTo("schema/%2E%2E%2Fx.sql");
  }

  @Test
  void theBackupOfAListedKeyOrCommonPrefixIsFound() {
    assertThat(layout.backupIdOf("moco4j/prod/shop/backups/20260102-030405/")).contains(ID);
    assertThat(layout.backupIdOf(layout.dataChunk(ID, "d", "t", 1))).contains(ID);
    assertThat(layout.backupIdOf("moco4j/prod/shop/backups/not-an-id/manifest.json")).isEmpty();
    assertThat(layout.backupIdOf("moco4j/prod/other/backups/20260102-030405/")).isEmpty();
  }

  @Test
  void binlogsAreGroupedByTheServerThatWroteThem() {
    assertThat(layout.binlogsPrefix()).isEqualTo("moco4j/prod/shop/binlogs/");
    assertThat(layout.binlog(UUID.toUpperCase(), "binlog.000042"))
        .isEqualTo("moco4j/prod/shop/binlogs/" + UUID + "/binlog.000042.zst");
    assertThat(layout.binlogIndex(UUID, "binlog.000042"))
        .isEqualTo("moco4j/prod/shop/binlogs/" + UUID + "/binlog.000042.index.json");
    assertThat(BucketLayout.isBinlogIndex(layout.binlogIndex(UUID, "binlog.000042"))).isTrue();
    assertThat(BucketLayout.isBinlogIndex(layout.binlog(UUID, "binlog.000042"))).isFalse();
  }

  @Test
  void refusesBinlogNamesAndUuidsThatAreNotWhatMysqlWrites() {
    assertThatThrownBy(() -> layout.binlog(UUID, "../binlog.000001"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> layout.binlog("not-a-uuid", "binlog.000001"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> layout.binlog("1-2-3-4-5", "binlog.000001"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void namespaceAndClusterAreEncodedLikeAnyName() {
    assertThat(BucketLayout.of("", "team.a", "db").clusterPrefix()).isEqualTo("team%2Ea/db/");
  }
}
