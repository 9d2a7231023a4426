package dev.moco4j.charts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.moco4j.local.helm.Helm;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** Every chart lints and renders; the rendered objects keep the promises the charts make. */
class ChartsTest {

  static final List<String> ALL_CHARTS =
      List.of(
          "moco4j-crds",
          "moco4j-reconciler",
          "moco4j-health-monitor",
          "moco4j-backup-service",
          "moco4j-restore-service");

  private static final List<String> SERVICE_CHARTS = Helm.SERVICE_CHARTS;

  private final Helm helm = Helm.find(Charts.DIR.resolve("target"));

  @ParameterizedTest
  @FieldSource("ALL_CHARTS")
  void lintsWithoutWarnings(String chart) {
    Helm.Result lint = helm.run("lint", "--strict", Charts.chart(chart).toString());
    assertThat(lint.exitCode()).as(lint.output()).isZero();
    assertThat(lint.output()).contains("1 chart(s) linted, 0 chart(s) failed");
  }

  @ParameterizedTest
  @FieldSource("SERVICE_CHARTS")
  void theServiceRunsWithProbesOnItsHttpPortAndTheEventBusOverMutualTls(String chart) {
    List<HasMetadata> objects = render(chart);

    Deployment deployment = only(objects, Deployment.class);
    var container = deployment.getSpec().getTemplate().getSpec().getContainers().getFirst();
    assertThat(container.getImage())
        .isEqualTo("moco4j/" + chart.substring("moco4j-".length()) + ":0.1.0");
    assertThat(container.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/healthz");
    assertThat(container.getStartupProbe().getHttpGet().getPath()).isEqualTo("/healthz");
    assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/readyz");
    Map<String, EnvVar> env =
        container.getEnv().stream().collect(Collectors.toMap(EnvVar::getName, e -> e));
    assertThat(env.get("MOCO4J_HTTP_PORT").getValue()).isEqualTo("8080");
    // The services refuse to start without it; the default watches every namespace.
    assertThat(env.get("MOCO4J_WATCH_NAMESPACES").getValue()).isEqualTo("*");
    assertThat(env.get("MOCO4J_EVENTBUS_TLS_DIR").getValue()).isEqualTo("/etc/moco4j/eventbus-tls");
    assertThat(env.get("MOCO4J_EVENTBUS_HOST").getValueFrom().getFieldRef().getFieldPath())
        .isEqualTo("status.podIP");
    assertThat(env.get("MOCO4J_EVENTBUS_DNS_SERVICE").getValue())
        .isEqualTo("test-" + chart + "-eventbus.moco4j.svc");
    assertThat(env.get("JAVA_TOOL_OPTIONS").getValue())
        .contains("--add-opens=java.base/java.lang=ALL-UNNAMED");
    assertThat(deployment.getSpec().getTemplate().getSpec().getVolumes())
        .filteredOn(v -> v.getSecret() != null)
        .extracting(v -> v.getSecret().getSecretName())
        .containsExactly("moco4j-eventbus-tls");
    assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
    // A chart never carries a secret of its own: the event-bus certificates come from a Secret
    // the user (or cert-manager) creates.
    assertThat(objects).noneMatch(o -> o instanceof Secret);

    NetworkPolicy policy = only(objects, NetworkPolicy.class);
    assertThat(policy.getSpec().getIngress())
        .anySatisfy(
            rule -> {
              assertThat(rule.getFrom())
                  .singleElement()
                  .satisfies(
                      from ->
                          assertThat(from.getPodSelector().getMatchLabels())
                              .containsEntry("app.kubernetes.io/part-of", "moco4j")
                              .containsEntry("moco4j.dev/eventbus", "member"));
              assertThat(rule.getPorts())
                  .extracting(p -> p.getPort().getStrVal())
                  .containsExactlyInAnyOrder("membership", "eventbus");
            });
    assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels())
        .containsEntry("moco4j.dev/eventbus", "member");
  }

  @ParameterizedTest
  @FieldSource("SERVICE_CHARTS")
  void valuesTurnTheEventBusOffAndScaleTheDeployment(String chart) {
    List<HasMetadata> objects =
        render(chart, "--set", "eventBus.enabled=false", "--set", "replicaCount=1");

    Deployment deployment = only(objects, Deployment.class);
    assertThat(deployment.getSpec().getReplicas()).isEqualTo(1);
    assertThat(deployment.getSpec().getTemplate().getSpec().getContainers().getFirst().getEnv())
        .extracting(EnvVar::getName)
        .noneMatch(name -> name.startsWith("MOCO4J_EVENTBUS_"));
    // One replica: a disruption budget would block every node drain.
    assertThat(objects).noneMatch(o -> o instanceof PodDisruptionBudget);
  }

  @Test
  void onlyTheReconcilerCreatesTheClusterObjectsAndOnlyTheHealthMonitorWritesPodStatus() {
    Map<String, Set<String>> creators = grantsBy("create");
    assertThat(creators.get("moco4j-reconciler"))
        .contains(
            "apps/statefulsets",
            "/services",
            "/configmaps",
            "/secrets",
            "policy/poddisruptionbudgets",
            "/serviceaccounts");
    for (String chart :
        List.of("moco4j-health-monitor", "moco4j-backup-service", "moco4j-restore-service")) {
      assertThat(creators.get(chart)).as(chart).containsOnly("/events");
    }
    Map<String, Set<String>> patchers = grantsBy("patch");
    assertThat(patchers.entrySet())
        .filteredOn(e -> e.getValue().contains("/pods/status"))
        .extracting(Map.Entry::getKey)
        .containsExactly("moco4j-health-monitor");
    // Secrets: read only where the service logs in to MySQL or to the bucket, never listed there.
    assertThat(grantsBy("list").get("moco4j-health-monitor")).doesNotContain("/secrets");
    assertThat(grantsBy("get").values()).allSatisfy(r -> assertThat(r).contains("/secrets"));
    // No wildcard anywhere.
    for (String chart : SERVICE_CHARTS) {
      for (PolicyRule rule : rules(chart)) {
        assertThat(rule.getVerbs()).as(chart).doesNotContain("*");
        assertThat(rule.getResources()).as(chart).doesNotContain("*");
      }
    }
  }

  @Test
  void leaderElectionIsLimitedToLeasesInTheReleaseNamespace() {
    Role role = only(render("moco4j-reconciler"), Role.class);
    assertThat(role.getMetadata().getNamespace()).isEqualTo("moco4j");
    assertThat(role.getRules())
        .singleElement()
        .satisfies(
            rule -> {
              assertThat(rule.getApiGroups()).containsExactly("coordination.k8s.io");
              assertThat(rule.getResources()).containsExactly("leases");
            });
  }

  /** Per chart, the "group/resource" its ClusterRole allows {@code verb} on. */
  private Map<String, Set<String>> grantsBy(String verb) {
    return SERVICE_CHARTS.stream()
        .collect(
            Collectors.toMap(
                chart -> chart,
                chart -> {
                  Set<String> grants = new HashSet<>();
                  for (PolicyRule rule : rules(chart)) {
                    if (rule.getVerbs().contains(verb)) {
                      for (String group : rule.getApiGroups()) {
                        for (String resource : rule.getResources()) {
                          grants.add(group + "/" + resource);
                        }
                      }
                    }
                  }
                  return grants;
                }));
  }

  private List<PolicyRule> rules(String chart) {
    return only(render(chart), ClusterRole.class).getRules();
  }

  private List<HasMetadata> render(String chart, String... extraArgs) {
    List<String> args =
        new java.util.ArrayList<>(
            List.of("template", "test", Charts.chart(chart).toString(), "--namespace", "moco4j"));
    args.addAll(List.of(extraArgs));
    String yaml = helm.run(args.toArray(String[]::new)).requireSuccess().output();
    Object parsed =
        new KubernetesSerialization()
            .unmarshal(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
    @SuppressWarnings("unchecked")
    List<HasMetadata> objects =
        parsed instanceof List<?> list ? (List<HasMetadata>) list : List.of((HasMetadata) parsed);
    return objects.stream().filter(java.util.Objects::nonNull).toList();
  }

  private static <T extends HasMetadata> T only(List<HasMetadata> objects, Class<T> type) {
    List<T> found = objects.stream().filter(type::isInstance).map(type::cast).toList();
    assertThat(found).as(type.getSimpleName()).hasSize(1);
    return found.getFirst();
  }
}
