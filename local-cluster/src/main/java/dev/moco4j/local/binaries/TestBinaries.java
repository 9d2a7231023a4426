package dev.moco4j.local.binaries;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where {@code hack/test-binaries.sh} put etcd, kube-apiserver, kube-controller-manager, kubectl,
 * minio and mc: from the environment it exports, else from the {@code env.sh} it writes into the
 * cache (so a test started from an IDE finds them too).
 */
public record TestBinaries(Path k8sBin, Path minioBin) {

  private static final Pattern EXPORT = Pattern.compile("^export (\\w+)='([^']*)'$");

  public static TestBinaries locate() {
    return locate(System::getenv);
  }

  static TestBinaries locate(Function<String, String> environment) {
    Map<String, String> values = new HashMap<>();
    Path cache = cacheRoot(environment);
    Path envFile = cache.resolve("env.sh");
    if (Files.isRegularFile(envFile)) {
      values.putAll(parse(envFile));
    }
    for (String key : new String[] {"MOCO4J_K8S_BIN", "MOCO4J_MINIO_BIN"}) {
      String value = environment.apply(key);
      if (value != null && !value.isBlank()) {
        values.put(key, value);
      }
    }
    String k8s = values.get("MOCO4J_K8S_BIN");
    String minio = values.get("MOCO4J_MINIO_BIN");
    if (k8s == null || minio == null) {
      throw missing("MOCO4J_K8S_BIN/MOCO4J_MINIO_BIN are not set and " + envFile + " is missing");
    }
    TestBinaries binaries = new TestBinaries(Path.of(k8s), Path.of(minio));
    binaries.check();
    return binaries;
  }

  public Path etcd() {
    return k8sBin.resolve("etcd");
  }

  public Path kubeApiServer() {
    return k8sBin.resolve("kube-apiserver");
  }

  public Path kubeControllerManager() {
    return k8sBin.resolve("kube-controller-manager");
  }

  public Path kubectl() {
    return k8sBin.resolve("kubectl");
  }

  public Path minio() {
    return minioBin.resolve("minio");
  }

  public Path mc() {
    return minioBin.resolve("mc");
  }

  private void check() {
    for (Path binary :
        new Path[] {etcd(), kubeApiServer(), kubeControllerManager(), kubectl(), minio()}) {
      if (!Files.isExecutable(binary)) {
        throw missing(binary + " is missing or not executable");
      }
    }
  }

  private static IllegalStateException missing(String what) {
    return new IllegalStateException(
        what
            + ": build the local Kubernetes and MinIO binaries once with hack/test-binaries.sh"
            + " (it caches them and takes seconds afterwards), or eval \"$(hack/test-binaries.sh)\"");
  }

  private static Path cacheRoot(Function<String, String> environment) {
    String configured = environment.apply("MOCO4J_CACHE");
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured);
    }
    return Path.of(System.getProperty("user.home"), ".cache", "moco4j");
  }

  private static Map<String, String> parse(Path envFile) {
    try {
      Map<String, String> values = new HashMap<>();
      for (String line : Files.readAllLines(envFile)) {
        Matcher m = EXPORT.matcher(line.strip());
        if (m.matches()) {
          values.put(m.group(1), m.group(2));
        }
      }
      return values;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
