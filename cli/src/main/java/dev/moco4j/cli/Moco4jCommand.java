package dev.moco4j.cli;

import dev.moco4j.api.names.Annotations;
import dev.moco4j.api.names.MySQLUsers;
import dev.moco4j.api.names.ResourceNames;
import dev.moco4j.api.v1beta1.MySQLCluster;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.io.PrintWriter;
import java.net.HttpURLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** The plugin's commands; every error is one line on stderr and a non-zero exit status. */
@Command(
    name = "kubectl-moco4j",
    mixinStandardHelpOptions = true,
    versionProvider = Moco4jCommand.Version.class,
    description = "Look after moco4j MySQLClusters.",
    subcommands = {
      Moco4jCommand.Status.class,
      Moco4jCommand.Credential.class,
      Moco4jCommand.Switchover.class,
      Moco4jCommand.Stop.class,
      Moco4jCommand.Start.class,
      AutoComplete.GenerateCompletion.class
    })
public final class Moco4jCommand implements Runnable {

  @Option(
      names = "--kubeconfig",
      description = "Path to the kubeconfig file.",
      scope = CommandLine.ScopeType.INHERIT)
  Path kubeconfig;

  @Option(
      names = "--context",
      description = "The kubeconfig context to use.",
      scope = CommandLine.ScopeType.INHERIT)
  String context;

  @Option(
      names = {"-n", "--namespace"},
      description = "The cluster's namespace (default: the context's).",
      scope = CommandLine.ScopeType.INHERIT)
  String namespace;

  @Spec CommandLine.Model.CommandSpec spec;

  private final Kube kube;

  Moco4jCommand(Kube kube) {
    this.kube = kube;
  }

  /** The command line, with errors the user can act on printed as one line. */
  static CommandLine commandLine(Kube kube) {
    CommandLine line = new CommandLine(new Moco4jCommand(kube));
    line.setExecutionExceptionHandler(
        (e, cmd, parsed) -> {
          cmd.getErr().println("error: " + message(e));
          cmd.getErr().flush();
          return 1;
        });
    return line;
  }

  static String message(Exception e) {
    if (e instanceof CliException) {
      return e.getMessage();
    }
    if (e instanceof java.io.UncheckedIOException io) {
      return io.getMessage() + " (" + io.getCause().getMessage() + "): check --kubeconfig";
    }
    if (e instanceof KubernetesClientException k) {
      if (k.getCode() == HttpURLConnection.HTTP_FORBIDDEN) {
        return "the API server refused: "
            + k.getStatus().getMessage()
            + " (ask for RBAC permission on that resource)";
      }
      if (k.getCode() == 0) {
        return "cannot reach the API server: " + k.getMessage() + " (check --kubeconfig/--context)";
      }
    }
    return e.toString();
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  KubernetesClient client() {
    return kube.connect(kubeconfig, context, namespace);
  }

  static MySQLCluster cluster(KubernetesClient client, String name) {
    MySQLCluster cluster = client.resources(MySQLCluster.class).withName(name).get();
    if (cluster == null) {
      throw new CliException(
          "no MySQLCluster "
              + name
              + " in namespace "
              + client.getNamespace()
              + ": check the name, or pass -n <namespace>");
    }
    return cluster;
  }

  static int primaryIndex(MySQLCluster cluster) {
    Integer index =
        cluster.getStatus() == null ? null : cluster.getStatus().getCurrentPrimaryIndex();
    return index == null ? 0 : index;
  }

  /** Sets ({@code value} non-null) or removes an annotation on the MySQLCluster. */
  static void annotate(KubernetesClient client, String name, String key, String value) {
    Map<String, Object> annotations = new HashMap<>();
    annotations.put(key, value);
    client
        .resources(MySQLCluster.class)
        .withName(name)
        .patch(
            PatchContext.of(PatchType.JSON_MERGE),
            client
                .getKubernetesSerialization()
                .asJson(Map.of("metadata", Map.of("annotations", annotations))));
  }

  @Command(name = "status", description = "Topology, state and conditions of a cluster.")
  static final class Status implements Callable<Integer> {
    @ParentCommand Moco4jCommand parent;

    @Parameters(paramLabel = "CLUSTER")
    String name;

    @Option(
        names = {"-o", "--output"},
        description = "text (default) or json",
        defaultValue = "text")
    String output;

    @Override
    public Integer call() {
      if (!output.equals("text") && !output.equals("json")) {
        throw new CliException("--output must be text or json, not " + output);
      }
      try (KubernetesClient client = parent.client()) {
        MySQLCluster cluster = cluster(client, name);
        var pods =
            client.pods().withLabels(dev.moco4j.api.names.Labels.selector(name)).list().getItems();
        ClusterStatusView view = ClusterStatusView.of(cluster, pods);
        PrintWriter out = parent.spec.commandLine().getOut();
        out.print(output.equals("json") ? view.json(client) : view.text());
        out.flush();
        return 0;
      }
    }
  }

  @Command(
      name = "credential",
      description = "A MySQL user's credentials: plain (user and password lines) or mycnf.")
  static final class Credential implements Callable<Integer> {
    @ParentCommand Moco4jCommand parent;

    @Parameters(paramLabel = "CLUSTER")
    String name;

    @Option(
        names = {"-u", "--user"},
        description = "readonly (default), writable, admin, backup or replication",
        defaultValue = "readonly")
    String user;

    @Option(names = "--format", description = "plain (default) or mycnf", defaultValue = "plain")
    String format;

    @Override
    public Integer call() {
      MySQLUsers mysqlUser = user(user);
      if (!format.equals("plain") && !format.equals("mycnf")) {
        throw new CliException("--format must be plain or mycnf, not " + format);
      }
      try (KubernetesClient client = parent.client()) {
        cluster(client, name);
        // Applications' users come from the Secret made for them; the others need the operator's.
        String secretName =
            mysqlUser.forApplications()
                ? ResourceNames.userSecret(name)
                : ResourceNames.operatorSecret(name);
        Secret secret = client.secrets().withName(secretName).get();
        String encoded =
            secret == null || secret.getData() == null
                ? null
                : secret.getData().get(mysqlUser.passwordKey());
        if (encoded == null) {
          throw new CliException(
              "Secret "
                  + secretName
                  + " has no "
                  + mysqlUser.passwordKey()
                  + " yet: is the reconciler running?");
        }
        String password = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        PrintWriter out = parent.spec.commandLine().getOut();
        if (format.equals("plain")) {
          out.println(mysqlUser.userName());
          out.println(password);
        } else {
          out.println("[client]");
          out.println("user=" + mysqlUser.userName());
          out.println("password=" + password);
          out.println("host=" + ResourceNames.primaryService(name));
        }
        out.flush();
        return 0;
      }
    }

    static MySQLUsers user(String user) {
      return switch (user) {
        case "readonly" -> MySQLUsers.READONLY;
        case "writable" -> MySQLUsers.WRITABLE;
        case "admin" -> MySQLUsers.ADMIN;
        case "backup" -> MySQLUsers.BACKUP;
        case "replication" -> MySQLUsers.REPLICATION;
        default ->
            throw new CliException(
                "unknown user " + user + ": use readonly, writable, admin, backup or replication");
      };
    }
  }

  @Command(
      name = "switchover",
      description =
          "Moves the primary to the best synced replica: asks the current primary to step down"
              + " and waits until the health-monitor moved the primary.")
  static final class Switchover implements Callable<Integer> {
    @ParentCommand Moco4jCommand parent;

    @Parameters(paramLabel = "CLUSTER")
    String name;

    @Option(
        names = "--timeout",
        description = "How long to wait (default 60s).",
        defaultValue = "60")
    int timeoutSeconds;

    @Override
    public Integer call() throws InterruptedException {
      try (KubernetesClient client = parent.client()) {
        MySQLCluster cluster = cluster(client, name);
        String stopped =
            Optional.ofNullable(cluster.getMetadata().getAnnotations())
                .map(a -> a.get(Annotations.CLUSTERING_STOPPED))
                .orElse("");
        if (Annotations.TRUE.equals(stopped)) {
          throw new CliException(
              "clustering of " + name + " is stopped: run `start clustering " + name + "` first");
        }
        if (cluster.getSpec().getReplicas() < 2) {
          throw new CliException(name + " has a single instance: there is no replica to switch to");
        }
        int from = primaryIndex(cluster);
        String pod = ResourceNames.podName(name, from);
        setDemote(client, pod, Annotations.TRUE);
        try {
          long deadline = System.nanoTime() + Duration.ofSeconds(timeoutSeconds).toNanos();
          while (primaryIndex(cluster(client, name)) == from) {
            if (System.nanoTime() > deadline) {
              throw new CliException(
                  "the primary did not move within "
                      + timeoutSeconds
                      + " s: see `kubectl describe mysqlcluster "
                      + name
                      + "` (a switchover needs a Healthy cluster and a synced replica)");
            }
            Thread.sleep(500);
          }
        } finally {
          // Only a request: once the primary moved (or the user gave up) the pod may serve again.
          setDemote(client, pod, null);
        }
        PrintWriter out = parent.spec.commandLine().getOut();
        out.println(
            "switched over: the primary of "
                + name
                + " is instance "
                + primaryIndex(cluster(client, name))
                + " (was "
                + from
                + ")");
        out.flush();
        return 0;
      }
    }

    private static void setDemote(KubernetesClient client, String pod, String value) {
      Map<String, Object> annotations = new HashMap<>();
      annotations.put(Annotations.DEMOTE, value);
      Pod found = client.pods().withName(pod).get();
      if (found == null) {
        throw new CliException("the primary's pod " + pod + " does not exist");
      }
      client
          .pods()
          .withName(pod)
          .patch(
              PatchContext.of(PatchType.JSON_MERGE),
              client
                  .getKubernetesSerialization()
                  .asJson(Map.of("metadata", Map.of("annotations", annotations))));
    }
  }

  /** What {@code stop} and {@code start} act on. */
  enum Target {
    clustering(Annotations.CLUSTERING_STOPPED),
    reconciliation(Annotations.RECONCILIATION_STOPPED);

    final String annotation;

    Target(String annotation) {
      this.annotation = annotation;
    }
  }

  @Command(
      name = "stop",
      description =
          "stop clustering: the health-monitor only observes the cluster; stop reconciliation:"
              + " the reconciler leaves its objects alone.")
  static final class Stop implements Callable<Integer> {
    @ParentCommand Moco4jCommand parent;

    @Parameters(index = "0", paramLabel = "clustering|reconciliation")
    Target target;

    @Parameters(index = "1", paramLabel = "CLUSTER")
    String name;

    @Override
    public Integer call() {
      try (KubernetesClient client = parent.client()) {
        cluster(client, name);
        annotate(client, name, target.annotation, Annotations.TRUE);
        parent.spec.commandLine().getOut().println(target + " of " + name + " stopped");
        parent.spec.commandLine().getOut().flush();
        return 0;
      }
    }
  }

  @Command(name = "start", description = "Resumes what stop paused.")
  static final class Start implements Callable<Integer> {
    @ParentCommand Moco4jCommand parent;

    @Parameters(index = "0", paramLabel = "clustering|reconciliation")
    Target target;

    @Parameters(index = "1", paramLabel = "CLUSTER")
    String name;

    @Override
    public Integer call() {
      try (KubernetesClient client = parent.client()) {
        cluster(client, name);
        annotate(client, name, target.annotation, null);
        parent.spec.commandLine().getOut().println(target + " of " + name + " started");
        parent.spec.commandLine().getOut().flush();
        return 0;
      }
    }
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = Moco4jCommand.class.getPackage().getImplementationVersion();
      return new String[] {"kubectl-moco4j " + (version == null ? "development" : version)};
    }
  }
}
