package dev.moco4j.local.controlplane;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The RSA key pair the apiserver signs service-account tokens with and the controller-manager's
 * token controller uses; generated in Java (PKCS#8 / X.509 PEM) so no openssl is needed.
 */
record ServiceAccountKeys(Path privateKey, Path publicKey) {

  static ServiceAccountKeys generate(Path dir) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      KeyPair pair = generator.generateKeyPair();
      Path privateKey = dir.resolve("sa.key");
      Path publicKey = dir.resolve("sa.pub");
      Files.writeString(privateKey, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
      Files.writeString(publicKey, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
      return new ServiceAccountKeys(privateKey, publicKey);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String pem(String type, byte[] der) {
    String body = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der);
    return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
  }
}
