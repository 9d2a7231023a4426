package dev.moco4j.local.crd;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Installs the CRDs the api module generates (shipped in its jar under {@code META-INF/fabric8/},
 * byte-equal to the chart's) and waits until the apiserver serves them.
 */
public final class Moco4jCrds {

  /** The generated files, one per custom resource. */
  public static final List<String> FILES =
      List.of(
          "META-INF/fabric8/mysqlclusters.moco4j.dev-v1.yml",
          "META-INF/fabric8/backuppolicies.moco4j.dev-v1.yml");

  private Moco4jCrds() {}

  /** Applies every CRD and returns them once each is {@code Established}. */
  public static List<CustomResourceDefinition> install(KubernetesClient client) {
    List<CustomResourceDefinition> installed =
        FILES.stream().map(file -> client.resource(load(client, file)).serverSideApply()).toList();
    for (CustomResourceDefinition crd : installed) {
      client
          .apiextensions()
          .v1()
          .customResourceDefinitions()
          .withName(crd.getMetadata().getName())
          .waitUntilCondition(Moco4jCrds::isEstablished, 60, TimeUnit.SECONDS);
    }
    return installed;
  }

  public static boolean isEstablished(CustomResourceDefinition crd) {
    return crd != null
        && crd.getStatus() != null
        && crd.getStatus().getConditions() != null
        && crd.getStatus().getConditions().stream()
            .anyMatch(c -> "Established".equals(c.getType()) && "True".equals(c.getStatus()));
  }

  private static CustomResourceDefinition load(KubernetesClient client, String file) {
    try (InputStream in = Moco4jCrds.class.getClassLoader().getResourceAsStream(file)) {
      if (in == null) {
        throw new IllegalStateException(file + " is not on the classpath (moco4j-api jar)");
      }
      return client.apiextensions().v1().customResourceDefinitions().load(in).item();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
