package dev.moco4j.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import dev.moco4j.eventbus.EventBusMessage;
import dev.moco4j.eventbus.SampleMessages;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two members of a clustered event bus in this JVM, with real Hazelcast and mutual TLS on loopback;
 * a third member whose certificate another CA signed joins Hazelcast (which authenticates nobody)
 * but must not get a message through.
 */
class ClusteredEventBusIT {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  // Short, because the untrusted member's requests are expected to run into it.
  private static final DeliveryOptions SHORT_REQUEST = new DeliveryOptions().setSendTimeout(3_000);

  @TempDir static Path tempDir;

  private static TestCertificates ca;
  private static EventBusMembers members;
  private static EventBus first;
  private static EventBus second;

  @BeforeAll
  static void startTwoMembers() throws Exception {
    ca = TestCertificates.authority(tempDir.resolve("ca"), "moco4j-test-ca");
    members = new EventBusMembers(2);
    first = members.start(ca.issue("first")).eventBus();
    second = members.start(ca.issue("second")).eventBus();
  }

  @AfterAll
  static void stopMembers() {
    if (members != null) {
      members.close();
    }
  }

  @Test
  void requestFromOneMemberIsAnsweredByAConsumerOnTheOther() throws Exception {
    second
        .<String>consumer("test.echo", message -> message.reply("second heard " + message.body()))
        .completion()
        .await(TIMEOUT);

    String reply = first.<String>request("test.echo", "hello").await(TIMEOUT).body();

    assertThat(reply).isEqualTo("second heard hello");
  }

  @Test
  void sendToAnAddressConsumedOnBothMembersReachesExactlyOneOfThem() throws Exception {
    Queue<String> onFirst = new ConcurrentLinkedQueue<>();
    Queue<String> onSecond = new ConcurrentLinkedQueue<>();
    first
        .<String>consumer("test.work", message -> onFirst.add(message.body()))
        .completion()
        .await(TIMEOUT);
    second
        .<String>consumer("test.work", message -> onSecond.add(message.body()))
        .completion()
        .await(TIMEOUT);
    List<String> jobs = IntStream.range(0, 20).mapToObj(i -> "job-" + i).toList();

    jobs.forEach(job -> first.send("test.work", job));

    // Stays at the full count for a while, so a late duplicate would be seen.
    await()
        .atMost(TIMEOUT)
        .during(Duration.ofSeconds(1))
        .until(() -> onFirst.size() + onSecond.size() == jobs.size());
    assertThat(concat(onFirst, onSecond)).containsExactlyInAnyOrderElementsOf(jobs);
    assertThat(onSecond).as("jobs that crossed to the other member").isNotEmpty();
    assertThat(onFirst).as("jobs kept by the sending member").isNotEmpty();
  }

  @Test
  void everyVersionedMessageCrossesBetweenMembersThroughItsCodec() throws Exception {
    for (EventBusMessage sent : SampleMessages.all()) {
      String address = "test.contract." + sent.getClass().getSimpleName();
      second
          .<EventBusMessage>consumer(address, message -> message.reply(message.body()))
          .completion()
          .await(TIMEOUT);

      Object echoed = first.request(address, sent).await(TIMEOUT).body();

      // Decoded from JSON on each side: equal, but not the object sent.
      assertThat(echoed).isEqualTo(sent).isNotSameAs(sent);
    }
  }

  @Test
  void memberWhoseCertificateAnotherCaSignedCanNeitherSendNorReceive() throws Exception {
    TestCertificates rogueCa = TestCertificates.authority(tempDir.resolve("rogue"), "rogue-ca");
    // The genuine CA certificate is public, so the intruder trusts it; only its own is foreign.
    EventBus intruder = members.start(rogueCa.issue("intruder", ca.certificate())).eventBus();
    Queue<String> heardByMembers = new ConcurrentLinkedQueue<>();
    Queue<String> heardByIntruder = new ConcurrentLinkedQueue<>();
    second
        .<String>consumer(
            "test.guarded",
            message -> {
              heardByMembers.add(message.body());
              message.reply("heard");
            })
        .completion()
        .await(TIMEOUT);
    intruder
        .<String>consumer("test.intruder", message -> heardByIntruder.add(message.body()))
        .completion()
        .await(TIMEOUT);

    Throwable intruderRequest =
        catchThrowable(
            () -> intruder.request("test.guarded", "from intruder", SHORT_REQUEST).await());
    Throwable requestToIntruder =
        catchThrowable(() -> first.request("test.intruder", "to intruder", SHORT_REQUEST).await());

    // The same consumer answers a member: only the intruder is shut out.
    assertThat(first.request("test.guarded", "from first").await(TIMEOUT).body())
        .isEqualTo("heard");
    assertThat(intruderRequest).isInstanceOf(ReplyException.class);
    assertThat(requestToIntruder).isInstanceOf(ReplyException.class);
    // Not "no handlers": each side saw the other's consumer through Hazelcast and tried.
    assertThat(((ReplyException) intruderRequest).failureType())
        .isNotEqualTo(ReplyFailure.NO_HANDLERS);
    assertThat(((ReplyException) requestToIntruder).failureType())
        .isNotEqualTo(ReplyFailure.NO_HANDLERS);
    assertThat(heardByMembers).containsExactly("from first");
    assertThat(heardByIntruder).isEmpty();
  }

  private static List<String> concat(Queue<String> a, Queue<String> b) {
    return Stream.concat(a.stream(), b.stream()).toList();
  }
}
