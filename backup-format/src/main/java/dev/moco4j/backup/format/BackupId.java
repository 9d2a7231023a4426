package dev.moco4j.backup.format;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoUnit;

/**
 * A backup's name: the second its dump started, in UTC, as {@code YYYYMMDD-hhmmss}.
 *
 * <p>Fixed width and most significant field first, so the lexical order of keys in a bucket listing
 * is the time order of the backups.
 */
public record BackupId(Instant startedAt) implements Comparable<BackupId> {

  private static final DateTimeFormatter FORMAT =
      DateTimeFormatter.ofPattern("uuuuMMdd-HHmmss").withResolverStyle(ResolverStyle.STRICT);

  public BackupId {
    if (startedAt == null) {
      throw new IllegalArgumentException("a backup id needs a start time");
    }
    startedAt = startedAt.truncatedTo(ChronoUnit.SECONDS);
    int year = startedAt.atOffset(ZoneOffset.UTC).getYear();
    if (year < 1000 || year > 9999) {
      throw new IllegalArgumentException("a backup id needs a four-digit year, got " + startedAt);
    }
  }

  public static BackupId of(Instant startedAt) {
    return new BackupId(startedAt);
  }

  @JsonCreator
  public static BackupId parse(String text) {
    try {
      return new BackupId(LocalDateTime.parse(text, FORMAT).toInstant(ZoneOffset.UTC));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a backup id (YYYYMMDD-hhmmss, UTC)", e);
    }
  }

  @Override
  public int compareTo(BackupId other) {
    return startedAt.compareTo(other.startedAt);
  }

  @JsonValue
  @Override
  public String toString() {
    return FORMAT.format(startedAt.atOffset(ZoneOffset.UTC));
  }
}
