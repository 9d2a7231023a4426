package dev.moco4j.healthmonitor.bus;

import dev.moco4j.api.v1beta1.MySQLCluster;
import dev.moco4j.eventbus.CommandOutcome;
import dev.moco4j.eventbus.CommandReply;
import dev.moco4j.eventbus.CommandRequest;
import dev.moco4j.eventbus.EventBusAddresses;
import dev.moco4j.healthmonitor.ClusterLoops;
import dev.moco4j.healthmonitor.kube.KubePassInputs;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import java.util.Optional;
import java.util.OptionalInt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers the commands addressed to the health-monitor ({@link
 * EventBusAddresses#HEALTH_MONITOR_COMMANDS}): a switchover, to a given instance or the engine's
 * choice, and stopping or resuming clustering. Every refusal says what to do instead.
 */
public final class CommandHandler {

  private static final Logger LOG = LoggerFactory.getLogger(CommandHandler.class);

  private final ClusterLoops loops;

  public CommandHandler(ClusterLoops loops) {
    this.loops = loops;
  }

  /** Starts answering on {@code vertx}'s event bus; unregister the consumer to stop. */
  public Future<MessageConsumer<CommandRequest>> register(Vertx vertx) {
    MessageConsumer<CommandRequest> consumer =
        vertx
            .eventBus()
            .consumer(
                EventBusAddresses.HEALTH_MONITOR_COMMANDS,
                message ->
                    // Commands read and write the API server: off the event loop.
                    vertx
                        .executeBlocking(() -> handle(message.body()), false)
                        .onComplete(
                            done ->
                                message.reply(
                                    done.succeeded()
                                        ? done.result()
                                        : failed(message, done.cause()))));
    return consumer.completion().map(consumer);
  }

  /** The reply to {@code request}; blocking. */
  public CommandReply handle(CommandRequest request) {
    String cluster = request.namespace() + "/" + request.cluster();
    Optional<MySQLCluster> found = loops.cluster(request.namespace(), request.cluster());
    if (found.isEmpty()) {
      return reply(
          request,
          CommandOutcome.REJECTED,
          "no MySQLCluster "
              + cluster
              + " is watched by this health-monitor: check the name and namespace, and that the"
              + " health-monitor watches that namespace");
    }
    return switch (request.command()) {
      case SWITCHOVER -> switchover(request, found.get());
      case STOP_CLUSTERING -> {
        loops.setClusteringStopped(request.namespace(), request.cluster(), true);
        LOG.info("clustering of {} stopped by command {}", cluster, request.requestId());
        yield reply(request, CommandOutcome.DONE, "clustering of " + cluster + " is stopped");
      }
      case START_CLUSTERING -> {
        loops.setClusteringStopped(request.namespace(), request.cluster(), false);
        LOG.info("clustering of {} resumed by command {}", cluster, request.requestId());
        yield reply(request, CommandOutcome.DONE, "clustering of " + cluster + " is running");
      }
      case BACKUP_NOW, UNKNOWN ->
          reply(
              request,
              CommandOutcome.REJECTED,
              "the health-monitor does not handle "
                  + request.command()
                  + ": upgrade the sender or send it to the service that does");
    };
  }

  private CommandReply switchover(CommandRequest request, MySQLCluster cluster) {
    String name = request.namespace() + "/" + request.cluster();
    OptionalInt target;
    try {
      target = request.targetInstanceIndex();
    } catch (NumberFormatException e) {
      return reply(
          request,
          CommandOutcome.REJECTED,
          CommandRequest.TARGET_INSTANCE_INDEX + " must be a pod ordinal such as 1");
    }
    int instances = cluster.getSpec().getReplicas();
    if (target.isPresent() && (target.getAsInt() < 0 || target.getAsInt() >= instances)) {
      return reply(
          request,
          CommandOutcome.REJECTED,
          name
              + " has instances 0 to "
              + (instances - 1)
              + ": "
              + target.getAsInt()
              + " is not one of them");
    }
    if (KubePassInputs.clusteringStopped(cluster)) {
      return reply(
          request,
          CommandOutcome.REJECTED,
          "clustering of " + name + " is stopped: start it before asking for a switchover");
    }
    Optional<Integer> to = target.isPresent() ? Optional.of(target.getAsInt()) : Optional.empty();
    if (!loops.requestSwitchover(request.namespace(), request.cluster(), to)) {
      return reply(
          request,
          CommandOutcome.REJECTED,
          "no clustering loop runs for " + name + " yet: try again in a few seconds");
    }
    LOG.info(
        "switchover of {} to {} asked by command {}",
        name,
        to.map(String::valueOf).orElse("the best replica"),
        request.requestId());
    return reply(
        request,
        CommandOutcome.ACCEPTED,
        "switchover of "
            + name
            + " requested; the cluster's status and Events show when the primary moved");
  }

  private static CommandReply failed(Message<CommandRequest> message, Throwable cause) {
    LOG.warn("command {} failed", message.body(), cause);
    return reply(message.body(), CommandOutcome.FAILED, String.valueOf(cause.getMessage()));
  }

  private static CommandReply reply(CommandRequest request, CommandOutcome outcome, String text) {
    return new CommandReply(request.requestId(), outcome, text);
  }
}
