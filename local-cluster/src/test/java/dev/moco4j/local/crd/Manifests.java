package dev.moco4j.local.crd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

/** Custom resources written as YAML, and what the apiserver says when it rejects one. */
final class Manifests {

  private Manifests() {}

  static GenericKubernetesResource parse(String yaml) {
    return Serialization.unmarshal(
        new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)),
        GenericKubernetesResource.class);
  }

  /** Asserts that creating the resource fails validation with a message holding each fragment. */
  static void assertCreateRejected(
      KubernetesClient client, GenericKubernetesResource resource, String... fragments) {
    KubernetesClientException e =
        catchThrowableOfType(
            KubernetesClientException.class, () -> client.resource(resource).create());

    assertThat(e).as("creating %s", resource.getMetadata().getName()).isNotNull();
    assertThat(e.getCode()).isEqualTo(422);
    assertThat(e.getStatus().getMessage()).contains(fragments);
  }
}
