package dev.moco4j.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A throw-away certificate authority made with openssl, issuing member certificates laid out as the
 * charts mount a TLS Secret: {@code tls.key}, {@code tls.crt} and {@code ca.crt} in one directory.
 */
final class TestCertificates {

  private static final long OPENSSL_SECONDS = 60;

  private final Path dir;
  private final Path key;
  private final Path certificate;

  private TestCertificates(Path dir) {
    this.dir = dir;
    this.key = dir.resolve("ca.key");
    this.certificate = dir.resolve(EventBusTls.CA_FILE);
  }

  /** A new self-signed CA whose files live in {@code dir}. */
  static TestCertificates authority(Path dir, String name) throws IOException {
    TestCertificates ca = new TestCertificates(Files.createDirectories(dir));
    ca.openssl(
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-days",
        "1",
        "-subj",
        "/CN=" + name,
        "-addext",
        "basicConstraints=critical,CA:TRUE",
        "-addext",
        "keyUsage=critical,keyCertSign,cRLSign",
        "-keyout",
        ca.key.toString(),
        "-out",
        ca.certificate.toString());
    return ca;
  }

  /** The CA's certificate: public, so anyone may hold a copy. */
  Path certificate() {
    return certificate;
  }

  /** A member directory with a certificate this CA signed, trusting this CA. */
  Path issue(String member) throws IOException {
    return issue(member, certificate);
  }

  /** A member directory with a certificate this CA signed, trusting {@code trustedCa}. */
  Path issue(String member, Path trustedCa) throws IOException {
    Path memberDir = Files.createDirectories(dir.resolve(member));
    Path request = memberDir.resolve("tls.csr");
    Path extensions =
        Files.writeString(
            memberDir.resolve("extensions.cnf"),
            """
            basicConstraints=CA:FALSE
            keyUsage=critical,digitalSignature,keyEncipherment
            extendedKeyUsage=serverAuth,clientAuth
            subjectAltName=IP:127.0.0.1
            """);
    openssl(
        "req",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-subj",
        "/CN=" + member,
        "-keyout",
        memberDir.resolve(EventBusTls.KEY_FILE).toString(),
        "-out",
        request.toString());
    openssl(
        "x509",
        "-req",
        "-in",
        request.toString(),
        "-days",
        "1",
        "-CA",
        certificate.toString(),
        "-CAkey",
        key.toString(),
        "-set_serial",
        String.valueOf(System.nanoTime()),
        "-extfile",
        extensions.toString(),
        "-out",
        memberDir.resolve(EventBusTls.CERTIFICATE_FILE).toString());
    Files.copy(trustedCa, memberDir.resolve(EventBusTls.CA_FILE));
    return memberDir;
  }

  private void openssl(String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of("openssl"));
    command.addAll(List.of(args));
    Path log = dir.resolve("openssl.log");
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
    try {
      if (!process.waitFor(OPENSSL_SECONDS, TimeUnit.SECONDS) || process.exitValue() != 0) {
        process.destroyForcibly();
        throw new IOException(
            "openssl " + String.join(" ", args) + " failed:\n" + Files.readString(log));
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while running openssl", e);
    }
  }
}
