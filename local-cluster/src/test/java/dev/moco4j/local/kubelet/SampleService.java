package dev.moco4j.local.kubelet;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The entrypoint of a JVM image in {@link ServiceImageIT}: like a moco4j service it configures
 * itself from args, env and mounted files, talks to the apiserver in-cluster with its service
 * account, and reacts to SIGTERM. It reports what it saw in the ConfigMap {@code sample-report}.
 */
public final class SampleService {

  private static final String REPORT = "sample-report";

  private SampleService() {}

  public static void main(String[] args) throws Exception {
    Path messageFile =
        Path.of(
            Arrays.stream(args)
                .filter(a -> a.startsWith("--message-file="))
                .findFirst()
                .orElseThrow()
                .substring("--message-file=".length()));
    KubernetesClient client = new KubernetesClientBuilder().build();
    String namespace = client.getNamespace();
    // Before the report exists: the test stops the pod as soon as it sees the report.
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () ->
                    client
                        .configMaps()
                        .inNamespace(namespace)
                        .withName(REPORT)
                        .edit(
                            report -> {
                              report.getData().put("stopped", "on SIGTERM");
                              return report;
                            })));
    client
        .configMaps()
        .inNamespace(namespace)
        .resource(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName(REPORT)
                .endMetadata()
                .addToData("greeting", System.getenv("GREETING"))
                .addToData("message", Files.readString(messageFile))
                .addToData("namespace", namespace)
                .addToData("maxHeapBytes", Long.toString(Runtime.getRuntime().maxMemory()))
                .addToData(
                    "processors", Integer.toString(Runtime.getRuntime().availableProcessors()))
                .build())
        .create();
    Thread.sleep(Long.MAX_VALUE);
  }
}
