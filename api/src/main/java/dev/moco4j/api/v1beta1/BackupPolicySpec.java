package dev.moco4j.api.v1beta1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/** The schedule, bucket and retention of a BackupPolicy. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public class BackupPolicySpec {

  @JsonPropertyDescription(
      "When to take a full backup: a cron expression of five fields (minute hour day-of-month"
          + " month day-of-week) in UTC, e.g. \"0 3 * * *\", or one of @yearly, @annually,"
          + " @monthly, @weekly, @daily, @midnight, @hourly. @every is not supported: backups follow"
          + " the UTC wall clock, not the time the backup-service started.")
  @Required
  @Size(min = 1, max = 256)
  @ValidationRule(value = CronSchedule.RULE, message = CronSchedule.MESSAGE)
  private String schedule;

  @JsonPropertyDescription("Where backups are written.")
  @Required
  private BucketConfig bucket;

  @JsonPropertyDescription(
      "Upload binlogs every interval rather than only with each backup, which narrows the data a"
          + " point-in-time restore can lose.")
  private BinlogArchiving continuousBinlogArchiving;

  @JsonPropertyDescription("Which backups to delete. Unset keeps every backup.")
  private RetentionPolicy retention;

  @JsonPropertyDescription("Take no new backups while true; existing ones are kept.")
  @Default("false")
  private boolean suspend;

  public String getSchedule() {
    return schedule;
  }

  public void setSchedule(String schedule) {
    this.schedule = schedule;
  }

  public BucketConfig getBucket() {
    return bucket;
  }

  public void setBucket(BucketConfig bucket) {
    this.bucket = bucket;
  }

  public BinlogArchiving getContinuousBinlogArchiving() {
    return continuousBinlogArchiving;
  }

  public void setContinuousBinlogArchiving(BinlogArchiving continuousBinlogArchiving) {
    this.continuousBinlogArchiving = continuousBinlogArchiving;
  }

  public RetentionPolicy getRetention() {
    return retention;
  }

  public void setRetention(RetentionPolicy retention) {
    this.retention = retention;
  }

  public boolean isSuspend() {
    return suspend;
  }

  public void setSuspend(boolean suspend) {
    this.suspend = suspend;
  }
}
