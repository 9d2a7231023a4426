package dev.moco4j.eventbus;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/** Random messages of every type, reproducible from a seed, for round-trip tests. */
final class RandomMessages {

  // Printable ASCII plus characters JSON must escape or encode as multi-byte UTF-8.
  private static final String CHARS =
      " !#$%&'()*+,-./0123456789:;<=>?@ABCXYZ[]^_`abcxyz{|}~\"\\\n\täé漢";

  private final Random random;

  RandomMessages(long seed) {
    this.random = new Random(seed);
  }

  ClusterStatusSnapshot clusterStatusSnapshot() {
    return new ClusterStatusSnapshot(
        text(),
        text(),
        oneOf(ClusterState.values()),
        random.nextInt(9),
        listOf(this::instanceStatus),
        instant());
  }

  CommandRequest commandRequest() {
    Map<String, String> arguments = new HashMap<>();
    IntStream.range(0, random.nextInt(4)).forEach(i -> arguments.put(text(), text()));
    return new CommandRequest(text(), oneOf(Command.values()), text(), text(), arguments);
  }

  CommandReply commandReply() {
    return new CommandReply(text(), oneOf(CommandOutcome.values()), nullable(this::text));
  }

  BackupRequest backupRequest() {
    return new BackupRequest(
        text(), text(), text(), text(), oneOf(BackupReason.values()), instant());
  }

  BackupResult backupResult() {
    return new BackupResult(
        text(),
        text(),
        text(),
        oneOf(BackupOutcome.values()),
        nullable(this::text),
        nullable(this::text),
        instant(),
        instant(),
        Math.abs(random.nextLong()),
        random.nextInt(2) == 0 ? 0 : Math.abs(random.nextLong()),
        nullable(this::text));
  }

  private InstanceStatus instanceStatus() {
    return new InstanceStatus(
        random.nextInt(9),
        oneOf(InstanceRole.values()),
        random.nextBoolean(),
        random.nextBoolean(),
        nullable(this::text),
        nullable(() -> Duration.ofSeconds(random.nextInt(86_400), random.nextInt(1_000_000_000))));
  }

  private String text() {
    StringBuilder text = new StringBuilder();
    IntStream.range(0, random.nextInt(25))
        .forEach(i -> text.append(CHARS.charAt(random.nextInt(CHARS.length()))));
    return text.toString();
  }

  /** Whole seconds up to 2100, and every precision down to nanoseconds. */
  private Instant instant() {
    return Instant.ofEpochSecond(
        random.nextLong(4_102_444_800L), random.nextInt(1_000_000_000) / pow10(random.nextInt(10)));
  }

  private static int pow10(int exponent) {
    return (int) Math.pow(10, exponent);
  }

  private <T> T nullable(Supplier<T> value) {
    return random.nextInt(4) == 0 ? null : value.get();
  }

  private <T> List<T> listOf(Supplier<T> element) {
    return IntStream.range(0, random.nextInt(6)).mapToObj(i -> element.get()).toList();
  }

  private <T> T oneOf(T[] values) {
    return values[random.nextInt(values.length)];
  }
}
