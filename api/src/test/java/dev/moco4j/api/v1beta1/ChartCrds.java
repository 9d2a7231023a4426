package dev.moco4j.api.v1beta1;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.api.model.apiextensions.v1.ValidationRule;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** The CRD files users apply, as the chart holds them, and a walker over their schemas. */
final class ChartCrds {

  /** Where users take the CRDs from; surefire passes the path, an IDE runs from api/. */
  static final Path CHART_DIR =
      Path.of(System.getProperty("crd.chart.dir", "../charts/moco4j-crds/templates"));

  /** Where crd-generator-maven-plugin writes them in this build. */
  static final Path GENERATED_DIR =
      Path.of(System.getProperty("crd.generated.dir", "target/classes/META-INF/fabric8"));

  static final String MYSQL_CLUSTERS = "mysqlclusters.moco4j.dev-v1.yml";
  static final String BACKUP_POLICIES = "backuppolicies.moco4j.dev-v1.yml";

  private ChartCrds() {}

  static CustomResourceDefinition load(String fileName) {
    try (InputStream in = Files.newInputStream(CHART_DIR.resolve(fileName))) {
      return new KubernetesSerialization().unmarshal(in, CustomResourceDefinition.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The schema at a path of property names below the root; "[]" steps into a list's items. */
  static JSONSchemaProps schema(CustomResourceDefinition crd, String... path) {
    JSONSchemaProps schema = crd.getSpec().getVersions().get(0).getSchema().getOpenAPIV3Schema();
    for (String step : path) {
      schema = step.equals("[]") ? schema.getItems().getSchema() : schema.getProperties().get(step);
      assertThat(schema).as("schema at %s", String.join(".", path)).isNotNull();
    }
    return schema;
  }

  /** A schema path with one more step. */
  static String[] append(String[] path, String step) {
    String[] longer = Arrays.copyOf(path, path.length + 1);
    longer[path.length] = step;
    return longer;
  }

  static List<ValidationRule> rules(CustomResourceDefinition crd, String... path) {
    List<ValidationRule> rules = schema(crd, path).getXKubernetesValidations();
    return rules == null ? List.of() : rules;
  }
}
