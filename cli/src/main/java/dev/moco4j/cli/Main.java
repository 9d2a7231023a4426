package dev.moco4j.cli;

/** {@code kubectl moco4j ...}: see {@link Moco4jCommand}. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    System.exit(Moco4jCommand.commandLine(Kube.FROM_OPTIONS).execute(args));
  }
}
