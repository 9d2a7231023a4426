package dev.moco4j.reconciler.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.moco4j.api.v1beta1.MySQLCluster;
import io.fabric8.kubernetes.api.model.Quantity;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MyCnfModelTest {

  private final MySQLClusterModel model = MySQLClusterModel.fromCrd(Clusters.minimal());

  @Test
  void defaultsKeepEveryInstanceSafeUntilTheHealthMonitorDecides() {
    Map<String, String> cnf = MyCnfText.mysqld(model.myCnf(Map.of()).content());

    assertThat(cnf)
        .containsEntry("gtid_mode", "ON")
        .containsEntry("enforce_gtid_consistency", "ON")
        .containsEntry("binlog_format", "ROW")
        .containsEntry("log_bin", "binlog")
        .containsEntry("super_read_only", "ON")
        .containsEntry("skip_replica_start", "ON")
        .containsEntry("relay_log_recovery", "OFF")
        .containsEntry("rpl_semi_sync_source_wait_point", "AFTER_SYNC")
        .containsEntry("rpl_semi_sync_source_timeout", "4294967295")
        .containsEntry("datadir", "/var/lib/mysql/data")
        .doesNotContainKey("server_id")
        .doesNotContainKey("innodb_buffer_pool_size");
    assertThat(model.myCnf(Map.of()).content())
        .contains("!include /run/moco4j/server-id.cnf")
        .contains("loose_rpl_semi_sync_source_timeout");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "gtid_mode",
        "gtid-mode",
        "GTID_MODE",
        "loose_gtid_mode",
        "loose-gtid-mode",
        "super_read_only",
        "skip-super-read-only",
        "disable_super_read_only",
        "skip-log-bin",
        "disable-log-bin",
        "log-slave-updates",
        "skip_slave_start",
        "server-id",
        "loose_rpl_semi_sync_source_timeout",
        "plugin-load-add",
        "datadir",
        "skip-grant-tables"
      })
  void aProtectedKeyInAnySpellingIsRejectedAndTheSafeValueStays(String key) {
    MyCnf cnf = model.myCnf(Map.of(key, "0", "max_connections", "300"));

    assertThat(cnf.rejected()).containsExactly(new MyCnf.Rejected(key, MyCnf.Reason.PROTECTED));
    Map<String, String> applied = MyCnfText.mysqld(cnf.content());
    assertThat(applied)
        .containsEntry("max_connections", "300")
        .containsEntry("gtid_mode", "ON")
        .containsEntry("super_read_only", "ON")
        .containsEntry("log_bin", "binlog")
        .containsEntry("datadir", "/var/lib/mysql/data")
        .containsEntry("rpl_semi_sync_source_timeout", "4294967295")
        .doesNotContainKeys("server_id", "skip_super_read_only", "skip_log_bin", "disable_log_bin");
    assertThat(cnf.content()).isEqualTo(model.myCnf(Map.of("max_connections", "300")).content());
  }

  @Test
  void aTenantEntryReplacesAnUnprotectedDefaultWhateverItsSpelling() {
    MyCnf cnf = model.myCnf(Map.of("Sync-Binlog", "0", "loose_innodb_numa_interleave", "ON"));

    Map<String, String> applied = MyCnfText.mysqld(cnf.content());
    assertThat(applied)
        .containsEntry("sync_binlog", "0")
        .containsEntry("innodb_numa_interleave", "ON");
    assertThat(MyCnfText.keysAsWritten(cnf.content()))
        .contains("sync_binlog", "loose_innodb_numa_interleave")
        .filteredOn(k -> !k.equals("plugin_load_add"))
        .doesNotHaveDuplicates();
    assertThat(cnf.rejected()).isEmpty();
  }

  @Test
  void entriesThatCouldInjectLinesOrSectionsAreRejectedAsInvalid() {
    MyCnf cnf =
        model.myCnf(
            Map.of("max_connections", "1\n[client]\npassword=x", "bad key", "1", "[mysqld", "1"));

    assertThat(cnf.rejected())
        .extracting(MyCnf.Rejected::reason)
        .containsOnly(MyCnf.Reason.INVALID)
        .hasSize(3);
    assertThat(cnf.content()).doesNotContain("password").doesNotContain("bad key");
  }

  @Test
  void twoSpellingsOfOneOptionKeepTheLastInSortedOrderAndReportTheOther() {
    MyCnf cnf = model.myCnf(Map.of("long-query-time", "5", "long_query_time", "2"));

    assertThat(MyCnfText.mysqld(cnf.content())).containsEntry("long_query_time", "2");
    assertThat(cnf.rejected())
        .containsExactly(new MyCnf.Rejected("long-query-time", MyCnf.Reason.DUPLICATE));
  }

  @Test
  void theSameEntriesInAnyOrderGiveTheSameFileAndName() {
    Map<String, String> forward = new LinkedHashMap<>();
    forward.put("max_connections", "300");
    forward.put("long_query_time", "2");
    forward.put("gtid_mode", "OFF");
    Map<String, String> backward = new LinkedHashMap<>();
    List.copyOf(forward.keySet()).reversed().forEach(k -> backward.put(k, forward.get(k)));

    MyCnf a = model.myCnf(forward);
    MyCnf b = model.myCnf(backward);

    assertThat(b.content()).isEqualTo(a.content());
    assertThat(b.configMapName()).isEqualTo(a.configMapName());
    assertThat(b.rejected()).isEqualTo(a.rejected());
    assertThat(MyCnfText.keysAsWritten(a.content()))
        .filteredOn(k -> !k.equals("plugin_load_add"))
        .isSortedAccordingTo(
            (x, y) -> x.replaceFirst("^loose_", "").compareTo(y.replaceFirst("^loose_", "")));
  }

  @Test
  void anotherContentGetsAnotherConfigMapName() {
    MyCnf a = model.myCnf(Map.of("max_connections", "300"));
    MyCnf b = model.myCnf(Map.of("max_connections", "301"));

    assertThat(a.configMapName()).startsWith("moco4j-db-mycnf-").isNotEqualTo(b.configMapName());
    assertThat(a.configMap().getMetadata().getName()).isEqualTo(a.configMapName());
    assertThat(a.configMap().getImmutable()).isTrue();
    assertThat(a.configMap().getData()).containsOnlyKeys("my.cnf");
  }

  @Test
  void everyPluginLibraryGetsItsOwnLineSoOneMissingDoesNotSkipTheOthers() {
    assertThat(model.myCnf(Map.of()).content())
        .contains(
            "plugin_load_add = semisync_source.so\n"
                + "plugin_load_add = semisync_replica.so\n"
                + "plugin_load_add = mysql_clone.so\n");
  }

  @ParameterizedTest(name = "limit {0}, request {1}: {2} bytes")
  @CsvSource(
      nullValues = "-",
      value = {
        // 70% of 4 GiB = 2867.2 MiB, down to whole MiB.
        "4Gi, 2Gi, 3006267392",
        // No limit: the request; 70% of 16 GiB = 11468.8 MiB.
        "-, 16Gi, 12025069568",
        // 70% of 512 MiB would leave less than 256 MiB, so 256 MiB.
        "512Mi, -, 268435456",
        // Too small for both rules: MySQL's minimum useful 32 MiB.
        "256Mi, -, 33554432",
        // Decimal units: 70% of 8e9 bytes = 5340.576 MiB.
        "8G, -, 5599395840",
      })
  void theBufferPoolTakesAboutSeventyPercentOfTheContainersMemory(
      String limit, String request, long expected) {
    MySQLCluster cluster = Clusters.minimal();
    var resources = new io.fabric8.kubernetes.api.model.ResourceRequirements();
    if (limit != null) {
      resources.setLimits(Map.of("memory", new Quantity(limit)));
    }
    if (request != null) {
      resources.setRequests(Map.of("memory", new Quantity(request)));
    }
    cluster.getSpec().mysqldContainer().orElseThrow().setResources(resources);

    MyCnf cnf = MySQLClusterModel.fromCrd(cluster).myCnf(Map.of());

    assertThat(MyCnfText.mysqld(cnf.content()))
        .containsEntry("innodb_buffer_pool_size", Long.toString(expected));
  }
}
