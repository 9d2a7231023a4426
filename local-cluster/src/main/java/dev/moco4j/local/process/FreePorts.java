package dev.moco4j.local.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Picks free TCP ports on 127.0.0.1, so parallel stacks never collide on fixed ports. */
public final class FreePorts {

  private FreePorts() {}

  /** A port the kernel just handed out and released; another process may in theory take it. */
  public static int next() {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(false);
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port on 127.0.0.1", e);
    }
  }
}
