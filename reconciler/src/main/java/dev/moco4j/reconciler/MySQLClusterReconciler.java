package dev.moco4j.reconciler;

import dev.moco4j.api.names.Annotations;
import dev.moco4j.api.names.Labels;
import dev.moco4j.api.names.ResourceNames;
import dev.moco4j.api.v1beta1.MySQLCluster;
import dev.moco4j.reconciler.model.MyCnf;
import dev.moco4j.reconciler.model.MySQLClusterModel;
import dev.moco4j.reconciler.operation.ApplyResult;
import dev.moco4j.reconciler.operation.KubeOperations;
import dev.moco4j.reconciler.operation.Ownership;
import dev.moco4j.reconciler.operation.ResourceOperation;
import dev.moco4j.reconciler.rollout.RolloutExecutor;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a MySQLCluster's Kubernetes objects to what its spec asks for, one step after another.
 * Steps stop at the first problem a user has to fix; the status step always runs.
 */
public final class MySQLClusterReconciler {

  static final String USER_CONFIG_MAP_MISSING = "UserConfigMapMissing";
  static final String MY_CNF_ENTRIES_REJECTED = "MyCnfEntriesRejected";
  static final String OBJECT_NOT_OWNED = "ObjectNotOwned";
  static final String INVALID_SPEC = "InvalidSpec";

  /** An unexpected error, say the API server refusing a write; retried soon. */
  public static final String RECONCILE_FAILED = "ReconcileFailed";

  private static final Logger LOG = LoggerFactory.getLogger(MySQLClusterReconciler.class);

  private final KubeOperations ops;
  private final RolloutExecutor rollouts;
  private final SecureRandom random;
  private final Clock clock;
  private final String operatorVersion;

  public MySQLClusterReconciler(
      KubeOperations ops, SecureRandom random, Clock clock, String operatorVersion) {
    this.ops = ops;
    this.rollouts = new RolloutExecutor(ops.pods());
    this.random = random;
    this.clock = clock;
    this.operatorVersion = operatorVersion;
  }

  /** One reconcile; completes with what it found, after the status is written. */
  public CompletionStage<ReconcileFindings> reconcile(MySQLCluster cluster) {
    ReconcileState s = new ReconcileState(cluster);
    return CompletableFuture.<Void>completedFuture(null)
        .thenCompose(step(s, this::checkReconciliationStopped))
        .thenCompose(step(s, this::buildModel))
        .thenCompose(step(s, this::operatorSecret))
        .thenCompose(step(s, this::userSecret))
        .thenCompose(step(s, this::userConfigMap))
        .thenCompose(step(s, this::myCnf))
        .thenCompose(step(s, this::serviceAccount))
        .thenCompose(step(s, this::services))
        .thenCompose(step(s, this::statefulSet))
        .thenCompose(step(s, this::podDisruptionBudget))
        .thenCompose(step(s, this::rollout))
        .thenCompose(step(s, this::cleanupOldMyCnfConfigMaps))
        .exceptionally(failure -> failed(s, failure))
        .thenCompose(v -> new StatusStep(ops, clock, operatorVersion).write(s))
        .thenApply(v -> s.findings());
  }

  private CompletionStage<Void> checkReconciliationStopped(ReconcileState s) {
    Map<String, String> annotations = s.cluster.getMetadata().getAnnotations();
    s.stopped =
        annotations != null
            && Annotations.TRUE.equals(annotations.get(Annotations.RECONCILIATION_STOPPED));
    if (s.stopped) {
      LOG.info("cluster={}/{}: reconciliation stopped by annotation", s.namespace(), s.name());
    }
    return done();
  }

  private CompletionStage<Void> buildModel(ReconcileState s) {
    try {
      s.model = MySQLClusterModel.fromCrd(s.cluster);
    } catch (IllegalArgumentException e) {
      s.report(Problem.blocking(INVALID_SPEC, e.getMessage()));
    }
    return done();
  }

  /** Keeps every existing password: initialized instances know only those. */
  private CompletionStage<Void> operatorSecret(ReconcileState s) {
    String name = ResourceNames.operatorSecret(s.name());
    return ops.secrets()
        .get(s.namespace(), name)
        .thenCompose(
            existing ->
                apply(
                    s,
                    ops.secrets(),
                    s.model.operatorSecret(
                        existing.filter(e -> ownedBy(e, s)).orElse(null), random)))
        .thenAccept(secret -> s.operatorSecret = secret);
  }

  private CompletionStage<Void> userSecret(ReconcileState s) {
    return apply(s, ops.secrets(), s.model.userSecret(s.operatorSecret)).thenAccept(x -> {});
  }

  private CompletionStage<Void> userConfigMap(ReconcileState s) {
    String name = s.cluster.getSpec().getMysqlConfigMapName();
    if (name == null || name.isEmpty()) {
      return done();
    }
    return ops.configMaps()
        .get(s.namespace(), name)
        .thenAccept(
            found -> {
              if (found.isEmpty()) {
                s.report(
                    Problem.blocking(
                        USER_CONFIG_MAP_MISSING,
                        "ConfigMap "
                            + name
                            + " named by spec.mysqlConfigMapName does not exist in namespace "
                            + s.namespace()
                            + ": create it, or remove spec.mysqlConfigMapName"));
              } else {
                s.userConfig = Objects.requireNonNullElse(found.get().getData(), Map.of());
              }
            });
  }

  private CompletionStage<Void> myCnf(ReconcileState s) {
    s.myCnf = s.model.myCnf(s.userConfig);
    for (MyCnf.Rejected rejected : s.myCnf.rejected()) {
      s.report(Problem.warning(MY_CNF_ENTRIES_REJECTED, rejectedMessage(rejected)));
    }
    return apply(s, ops.configMaps(), s.myCnf.configMap()).thenAccept(x -> {});
  }

  private CompletionStage<Void> serviceAccount(ReconcileState s) {
    return apply(s, ops.serviceAccounts(), s.model.serviceAccount()).thenAccept(x -> {});
  }

  private CompletionStage<Void> services(ReconcileState s) {
    return apply(s, ops.services(), s.model.headlessService())
        .thenCompose(x -> apply(s, ops.services(), s.model.primaryService()))
        .thenCompose(x -> apply(s, ops.services(), s.model.replicaService()))
        .thenAccept(x -> {});
  }

  private CompletionStage<Void> statefulSet(ReconcileState s) {
    StatefulSet desired = s.model.statefulSet(s.myCnf.configMapName());
    return ops.statefulSets()
        .get(s.namespace(), desired.getMetadata().getName())
        .thenCompose(
            existing -> {
              Integer current = existing.map(e -> e.getSpec().getReplicas()).orElse(null);
              Integer primary =
                  s.cluster.getStatus() == null
                      ? null
                      : s.cluster.getStatus().getCurrentPrimaryIndex();
              int replicas = desired.getSpec().getReplicas();
              ReplicaPolicy.checkScaleDown(replicas, current, primary).ifPresent(s::report);
              desired.getSpec().setReplicas(ReplicaPolicy.allowed(replicas, current, primary));
              return apply(s, ops.statefulSets(), desired);
            })
        .thenAccept(applied -> s.statefulSet = applied);
  }

  /** A single instance has no budget; one left from when it had more would block every drain. */
  private CompletionStage<Void> podDisruptionBudget(ReconcileState s) {
    return s.model
        .podDisruptionBudget()
        .map(pdb -> apply(s, ops.podDisruptionBudgets(), pdb).thenAccept(x -> {}))
        .orElseGet(
            () ->
                ops.podDisruptionBudgets()
                    .deleteOwned(
                        s.namespace(), ResourceNames.podDisruptionBudget(s.name()), s.uid())
                    .thenAccept(x -> {}));
  }

  private CompletionStage<Void> rollout(ReconcileState s) {
    return rollouts.step(s.cluster, s.statefulSet).thenAccept(action -> s.rollout = action);
  }

  /**
   * A my.cnf ConfigMap goes once no pod mounts it: a pod still running the old configuration must
   * find it when its mysqld restarts in place.
   */
  private CompletionStage<Void> cleanupOldMyCnfConfigMaps(ReconcileState s) {
    String prefix = ResourceNames.myCnfConfigMap(s.name(), "0");
    String ownPrefix = prefix.substring(0, prefix.length() - 1);
    return ops.pods()
        .list(s.namespace(), Labels.selector(s.name()))
        .thenCombine(
            ops.configMaps().list(s.namespace(), Labels.standard(s.name())),
            (pods, configMaps) ->
                configMaps.stream()
                    .map(c -> c.getMetadata().getName())
                    .filter(n -> n.startsWith(ownPrefix) && !n.equals(s.myCnf.configMapName()))
                    .filter(n -> !mountedByAny(pods, n))
                    .toList())
        .thenCompose(
            unused ->
                CompletableFuture.allOf(
                    unused.stream()
                        .map(
                            n ->
                                ops.configMaps()
                                    .deleteOwned(s.namespace(), n, s.uid())
                                    .toCompletableFuture())
                        .toArray(CompletableFuture[]::new)));
  }

  private static boolean mountedByAny(List<Pod> pods, String configMap) {
    return pods.stream()
        .flatMap(p -> p.getSpec().getVolumes().stream())
        .anyMatch(v -> v.getConfigMap() != null && configMap.equals(v.getConfigMap().getName()));
  }

  /** Applies an owned object; a name taken by someone else's object halts the reconcile. */
  private static <T extends HasMetadata> CompletionStage<T> apply(
      ReconcileState s, ResourceOperation<T> op, T desired) {
    return op.apply(desired, s.uid())
        .thenApply(
            result ->
                switch (result) {
                  case ApplyResult.Applied<T> applied -> applied.object();
                  case ApplyResult.NotOwned<T> notOwned -> {
                    s.report(Problem.blocking(OBJECT_NOT_OWNED, notOwned.message()));
                    yield null;
                  }
                });
  }

  private static boolean ownedBy(HasMetadata object, ReconcileState s) {
    return Ownership.ownedBy(object, s.uid());
  }

  private static String rejectedMessage(MyCnf.Rejected rejected) {
    return switch (rejected.reason()) {
      case PROTECTED ->
          "my.cnf key "
              + rejected.key()
              + " is set by moco4j and cannot be overridden; remove it from the ConfigMap";
      case INVALID ->
          "my.cnf key " + rejected.key() + " has an invalid name or a value with a line break";
      case DUPLICATE ->
          "my.cnf key " + rejected.key() + " sets the same option as another key; keep one";
    };
  }

  private static Void failed(ReconcileState s, Throwable failure) {
    Throwable cause =
        failure instanceof CompletionException && failure.getCause() != null
            ? failure.getCause()
            : failure;
    LOG.warn("cluster={}/{}: reconcile failed", s.namespace(), s.name(), cause);
    s.report(Problem.blocking(RECONCILE_FAILED, String.valueOf(cause.getMessage())));
    return null;
  }

  /** Runs the step unless an earlier one halted the reconcile. */
  private static Function<Void, CompletionStage<Void>> step(
      ReconcileState s, Function<ReconcileState, CompletionStage<Void>> body) {
    return v -> s.halted() ? done() : body.apply(s);
  }

  private static CompletionStage<Void> done() {
    return CompletableFuture.completedFuture(null);
  }
}
