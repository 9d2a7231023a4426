package dev.moco4j.local.kubelet;

/** A container the process kubelet cannot run; the message is shown in the pod's status. */
final class UnsupportedContainerException extends RuntimeException {

  private final String reason;

  UnsupportedContainerException(String reason, String message) {
    super(message);
    this.reason = reason;
  }

  /** A CamelCase reason for the pod status, e.g. {@code UnsupportedImage}. */
  String reason() {
    return reason;
  }
}
