package dev.moco4j.healthmonitor.kube;

import dev.moco4j.api.v1beta1.MySQLCluster;
import dev.moco4j.clustering.EventSink;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reports the engine's events as core/v1 Events on the MySQLCluster, where kubectl shows them. */
public final class KubernetesEventSink implements EventSink {

  /** The {@code source.component} of the health-monitor's Events. */
  public static final String COMPONENT = "moco4j-health-monitor";

  private static final Logger LOG = LoggerFactory.getLogger(KubernetesEventSink.class);

  private final KubernetesClient client;
  private final KubeCalls calls;
  private final ObjectReference cluster;
  private final InstantSource clock;

  public KubernetesEventSink(
      KubernetesClient client, KubeCalls calls, MySQLCluster cluster, InstantSource clock) {
    this.client = client;
    this.calls = calls;
    this.cluster =
        new ObjectReferenceBuilder()
            .withApiVersion(cluster.getApiVersion())
            .withKind(cluster.getKind())
            .withNamespace(cluster.getMetadata().getNamespace())
            .withName(cluster.getMetadata().getName())
            .withUid(cluster.getMetadata().getUid())
            .build();
    this.clock = clock;
  }

  @Override
  public void normal(String reason, String message) {
    emit("Normal", reason, message);
  }

  @Override
  public void warning(String reason, String message) {
    emit("Warning", reason, message);
  }

  /**
   * An Event that cannot be written is logged and dropped: it tells people what happened, and the
   * operation it describes has already happened, so failing it would undo nothing.
   */
  private void emit(String type, String reason, String message) {
    String now = clock.instant().truncatedTo(ChronoUnit.SECONDS).toString();
    Event event =
        new EventBuilder()
            .withNewMetadata()
            .withGenerateName(cluster.getName() + ".")
            .withNamespace(cluster.getNamespace())
            .endMetadata()
            .withInvolvedObject(cluster)
            .withType(type)
            .withReason(reason)
            .withMessage(message)
            .withFirstTimestamp(now)
            .withLastTimestamp(now)
            .withCount(1)
            .withNewSource()
            .withComponent(COMPONENT)
            .endSource()
            .build();
    try {
      calls.run(
          () -> client.v1().events().inNamespace(cluster.getNamespace()).resource(event).create());
    } catch (KubernetesClientException e) {
      LOG.warn("cannot record event {} {}: {} ({})", type, reason, message, e.getMessage());
    }
  }
}
