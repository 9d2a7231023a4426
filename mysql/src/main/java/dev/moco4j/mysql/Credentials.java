package dev.moco4j.mysql;

/** A MySQL user name and password; the password never appears in {@link #toString()}. */
public record Credentials(String user, String password) {

  @Override
  public String toString() {
    return "Credentials[user=" + user + "]";
  }
}
