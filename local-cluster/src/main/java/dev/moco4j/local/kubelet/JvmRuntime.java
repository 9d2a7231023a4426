package dev.moco4j.local.kubelet;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Quantity;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a container of a {@link ServiceImage} as a JVM on this machine, the way the image's
 * entrypoint would: {@code java -cp <classpath> <main class> <args>}.
 *
 * <ul>
 *   <li>{@code command} must be unset (the image entrypoint); {@code args} go to the main class,
 *       with paths under volume mounts rewritten to the volumes' host directories, as are the
 *       values of environment variables.
 *   <li>Memory and CPU limits become {@code -XX:MaxRAM} and {@code -XX:ActiveProcessorCount}, so
 *       the JVM sizes its heap and threads as it would inside a container with those limits.
 *   <li>In-cluster Kubernetes access works as in a pod: {@code KUBERNETES_SERVICE_HOST/PORT} name
 *       the apiserver, and when the service-account volume is mounted, fabric8's variables point at
 *       its token and CA files (their fixed paths under /var/run/secrets do not exist here). HOME
 *       is the container's directory, so no kubeconfig of the host's user is picked up.
 * </ul>
 */
final class JvmRuntime implements ContainerRuntime {

  static final String SERVICE_ACCOUNT_DIR = "/var/run/secrets/kubernetes.io/serviceaccount";

  private final ServiceImage image;

  JvmRuntime(ServiceImage image) {
    this.image = image;
  }

  @Override
  public Launch prepare(ContainerContext context) {
    Container container = context.container();
    if (!container.getCommand().isEmpty()) {
      throw new UnsupportedContainerException(
          "UnsupportedCommand",
          "container \""
              + container.getName()
              + "\": the process kubelet runs "
              + image.repository()
              + " only with its entrypoint (main class "
              + image.mainClass()
              + "); remove \"command\" and pass options in \"args\"");
    }
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(resourceOptions(container));
    command.add("-cp");
    command.add(
        String.join(File.pathSeparator, image.classpath().stream().map(Path::toString).toList()));
    command.add(image.mainClass());
    container.getArgs().forEach(arg -> command.add(context.paths().text(arg)));

    Map<String, String> environment = new HashMap<>();
    context.environment().forEach((k, v) -> environment.put(k, context.paths().text(v)));
    environment.put("HOME", context.containerDir().toString());
    environment.put("TMPDIR", context.containerDir().toString());
    context
        .paths()
        .mountedAt(SERVICE_ACCOUNT_DIR)
        .ifPresent(
            dir -> {
              environment.put("KUBERNETES_AUTH_TRYKUBECONFIG", "false");
              environment.put(
                  "KUBERNETES_AUTH_SERVICEACCOUNT_TOKEN", dir.resolve("token").toString());
              environment.put("KUBERNETES_CERTS_CA_FILE", dir.resolve("ca.crt").toString());
              environment.put("KUBERNETES_NAMESPACE", context.pod().getMetadata().getNamespace());
            });
    return new Launch(command, environment);
  }

  private static List<String> resourceOptions(Container container) {
    List<String> options = new ArrayList<>();
    var resources = container.getResources();
    Map<String, Quantity> limits = resources == null ? null : resources.getLimits();
    if (limits != null && limits.containsKey("memory")) {
      long bytes = Quantity.getAmountInBytes(limits.get("memory")).longValue();
      options.add("-XX:MaxRAM=" + bytes);
    }
    if (limits != null && limits.containsKey("cpu")) {
      double cpus = Quantity.getAmountInBytes(limits.get("cpu")).doubleValue();
      options.add("-XX:ActiveProcessorCount=" + Math.max(1, (int) Math.ceil(cpus)));
    }
    return options;
  }
}
