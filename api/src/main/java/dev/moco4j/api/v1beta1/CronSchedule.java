package dev.moco4j.api.v1beta1;

/**
 * The CEL rule for a BackupPolicy's schedule: five cron fields or a known macro.
 *
 * <p>It checks the shape only (the field count and the characters each field may hold), which
 * catches the usual mistakes: a six-field expression with seconds, a missing field, {@code @every}
 * or a {@code TZ=} prefix. Day-of-month and day-of-week may use {@code ?}, month and day-of-week
 * names such as JAN or MON.
 */
final class CronSchedule {

  private static final String NUMERIC = "[0-9*,/-]+";
  private static final String DAY_OF_MONTH = "[0-9*?,/-]+";
  private static final String MONTH = "[0-9A-Za-z*,/-]+";
  private static final String DAY_OF_WEEK = "[0-9A-Za-z*?,/-]+";

  static final String MACROS = "@(yearly|annually|monthly|weekly|daily|midnight|hourly)";

  static final String PATTERN =
      "^("
          + MACROS
          + "|"
          + NUMERIC
          + " +"
          + NUMERIC
          + " +"
          + DAY_OF_MONTH
          + " +"
          + MONTH
          + " +"
          + DAY_OF_WEEK
          + ")$";

  static final String RULE = "self.matches('" + PATTERN + "')";

  static final String MESSAGE =
      "spec.schedule must be a cron expression of 5 fields (minute hour day-of-month month"
          + " day-of-week, in UTC) such as \"0 3 * * *\", or one of @yearly, @annually, @monthly,"
          + " @weekly, @daily, @midnight, @hourly; seconds fields, @every and TZ= are not supported";

  private CronSchedule() {}
}
