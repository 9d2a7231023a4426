package dev.moco4j.cli;

/** A failure the user can act on: printed as one line, exit status 1. */
final class CliException extends RuntimeException {

  CliException(String message) {
    super(message);
  }
}
