package dev.moco4j.cli;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Makes the API client the way kubectl would, from the global options. */
@FunctionalInterface
interface Kube {

  /**
   * @param kubeconfig {@code --kubeconfig}, else {@code KUBECONFIG} or {@code ~/.kube/config}
   * @param context {@code --context}, else the kubeconfig's current context
   * @param namespace {@code -n}, else the context's namespace, else {@code default}
   */
  KubernetesClient connect(Path kubeconfig, String context, String namespace);

  Kube FROM_OPTIONS =
      (kubeconfig, context, namespace) -> {
        Config config;
        if (kubeconfig != null) {
          try {
            config =
                Config.fromKubeconfig(context, Files.readString(kubeconfig), kubeconfig.toString());
          } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + kubeconfig, e);
          }
        } else {
          config = Config.autoConfigure(context);
        }
        if (namespace != null) {
          config.setNamespace(namespace);
        } else if (config.getNamespace() == null) {
          config.setNamespace("default");
        }
        return new KubernetesClientBuilder().withConfig(config).build();
      };
}
