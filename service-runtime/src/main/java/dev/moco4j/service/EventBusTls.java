package dev.moco4j.service;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The PEM files a member proves itself with and checks the others against on the event bus: its key
 * and certificate, and the CA that signed every member's certificate.
 */
public record EventBusTls(Path key, Path certificate, Path ca) {

  /** The names a Kubernetes TLS Secret (with the CA added, as cert-manager does) mounts. */
  static final String KEY_FILE = "tls.key";

  static final String CERTIFICATE_FILE = "tls.crt";
  static final String CA_FILE = "ca.crt";

  /**
   * The three files in {@code dir}, checked to be readable now so that a missing mount fails the
   * start with a clear message instead of the first TLS handshake.
   *
   * @throws IllegalArgumentException when a file is missing or unreadable
   */
  public static EventBusTls inDirectory(Path dir) {
    EventBusTls tls =
        new EventBusTls(dir.resolve(KEY_FILE), dir.resolve(CERTIFICATE_FILE), dir.resolve(CA_FILE));
    Stream.of(tls.key, tls.certificate, tls.ca)
        .filter(file -> !Files.isReadable(file))
        .findFirst()
        .ifPresent(
            file -> {
              throw new IllegalArgumentException("cannot read " + file);
            });
    return tls;
  }
}
