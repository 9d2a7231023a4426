package dev.moco4j.reconciler.model;

import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Pins every generated object for a few specs, so that no change to the model (an operator upgrade)
 * alters a pod template or a Service by accident: a changed golden file is a reviewed change.
 * Regenerate with {@code -Dgolden.update=true}.
 */
class GoldenFilesTest {

  @ParameterizedTest
  @ValueSource(strings = {"minimal", "three-instances", "five-instances"})
  void generatedObjectsMatchTheirGoldenFiles(String name) {
    var model = MySQLClusterModel.fromCrd(Clusters.fromYaml(Golden.read(name + "/cluster.yaml")));
    Map<String, String> userConfig =
        Files.exists(Golden.DIR.resolve(name + "/mycnf.yaml"))
            ? Clusters.myCnfFromYaml(Golden.read(name + "/mycnf.yaml"))
            : Map.of();
    MyCnf myCnf = model.myCnf(userConfig);

    Golden.assertMatches(name + "/expected/mycnf-configmap.yaml", Clusters.yaml(myCnf.configMap()));
    Golden.assertMatches(
        name + "/expected/mycnf-rejected.txt",
        myCnf.rejected().stream()
            .map(r -> r.key() + " " + r.reason() + "\n")
            .reduce("# rejected\n", String::concat));
    Golden.assertMatches(
        name + "/expected/statefulset.yaml",
        Clusters.yaml(model.statefulSet(myCnf.configMapName())));
    Golden.assertMatches(
        name + "/expected/services.yaml",
        Clusters.yaml(model.headlessService())
            + Clusters.yaml(model.primaryService())
            + Clusters.yaml(model.replicaService()));
    Golden.assertMatches(
        name + "/expected/poddisruptionbudget.yaml",
        model.podDisruptionBudget().map(Clusters::yaml).orElse("# none\n"));
    Golden.assertMatches(
        name + "/expected/serviceaccount.yaml", Clusters.yaml(model.serviceAccount()));
  }
}
