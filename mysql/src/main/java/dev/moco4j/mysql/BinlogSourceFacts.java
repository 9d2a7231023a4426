package dev.moco4j.mysql;

import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Locale;

/**
 * What a client of an instance's binlog stream must know before reading it.
 *
 * @param serverUuid the instance's {@code server_uuid}: whose binlog this is
 * @param checksummed whether {@code binlog_checksum} is CRC32 (every event then ends with a CRC)
 * @param gtidMode {@code gtid_mode}; only {@code ON} gives every transaction a GTID
 */
public record BinlogSourceFacts(String serverUuid, boolean checksummed, String gtidMode) {

  public static BinlogSourceFacts read(MySqlConnector connector) {
    return Sql.withConnection(
        connector,
        "reading the binlog settings",
        connection -> {
          try (Statement statement = connection.createStatement();
              ResultSet row =
                  statement.executeQuery(
                      "SELECT @@server_uuid, @@global.binlog_checksum, @@global.gtid_mode")) {
            row.next();
            return new BinlogSourceFacts(
                row.getString(1).toLowerCase(Locale.ROOT),
                "CRC32".equalsIgnoreCase(row.getString(2)),
                row.getString(3));
          }
        });
  }
}
