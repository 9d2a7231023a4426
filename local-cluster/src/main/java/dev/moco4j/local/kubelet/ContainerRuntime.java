package dev.moco4j.local.kubelet;

/** Turns containers of one kind of image into host processes. */
interface ContainerRuntime {

  /**
   * Prepares the container's files and returns its command line.
   *
   * @throws UnsupportedContainerException when this container cannot run here, saying why
   */
  Launch prepare(ContainerContext context);
}
