package dev.moco4j.local.kubelet;

import java.util.regex.Pattern;

/** Which runtime runs which image; everything else makes the pod fail with UnsupportedImage. */
final class ImageRuntimes {

  /** mysql:8, mysql:8.0.31, docker.io/library/mysql:8.4, mysql/mysql-server:8.0 and digests. */
  private static final Pattern MYSQL_8 =
      Pattern.compile(
          "^(?:(?:docker\\.io/)?(?:library/)?mysql|(?:docker\\.io/)?mysql/mysql-server|container-registry\\.oracle\\.com/mysql/community-server):8(?:[.\\-].*)?(?:@sha256:[0-9a-f]+)?$");

  private final MysqldRuntime mysqld = new MysqldRuntime();
  private final ServiceImages services;

  ImageRuntimes(ServiceImages services) {
    this.services = services;
  }

  ContainerRuntime forImage(String image) {
    if (image != null && MYSQL_8.matcher(image).matches()) {
      return mysqld;
    }
    return services
        .find(image)
        .<ContainerRuntime>map(JvmRuntime::new)
        .orElseThrow(
            () ->
                new UnsupportedContainerException(
                    "UnsupportedImage",
                    "the process kubelet cannot run image \""
                        + image
                        + "\": it runs mysql:8* images as the cached test mysqld, and JVM images"
                        + " registered with it (moco4j's services when the stack runs from a"
                        + " built source tree)"));
  }
}
