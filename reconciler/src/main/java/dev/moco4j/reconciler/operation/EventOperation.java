package dev.moco4j.reconciler.operation;

import dev.moco4j.api.v1beta1.MySQLCluster;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/** Records Warning Events on a MySQLCluster, where {@code kubectl describe} shows them. */
public final class EventOperation {

  public static final String COMPONENT = "moco4j-reconciler";

  private final KubernetesClient client;
  private final Executor executor;
  private final Clock clock;

  public EventOperation(KubernetesClient client, Executor executor, Clock clock) {
    this.client = client;
    this.executor = executor;
    this.clock = clock;
  }

  public CompletionStage<Void> warning(MySQLCluster cluster, String reason, String message) {
    String now = DateTimeFormatter.ISO_INSTANT.format(clock.instant());
    Event event =
        new EventBuilder()
            .withNewMetadata()
            .withName(cluster.getMetadata().getName() + "." + UUID.randomUUID())
            .withNamespace(cluster.getMetadata().getNamespace())
            .endMetadata()
            .withNewInvolvedObject()
            .withApiVersion(cluster.getApiVersion())
            .withKind(cluster.getKind())
            .withName(cluster.getMetadata().getName())
            .withNamespace(cluster.getMetadata().getNamespace())
            .withUid(cluster.getMetadata().getUid())
            .endInvolvedObject()
            .withType("Warning")
            .withReason(reason)
            .withMessage(message)
            .withFirstTimestamp(now)
            .withLastTimestamp(now)
            .withCount(1)
            .withNewSource()
            .withComponent(COMPONENT)
            .endSource()
            .withReportingComponent(COMPONENT)
            .withReportingInstance(COMPONENT)
            .build();
    return CompletableFuture.runAsync(() -> client.resource(event).create(), executor);
  }
}
