package dev.moco4j.healthmonitor;

/** What the verticle starts and stops: the watch that runs every cluster's loop. */
public interface ClusterWatch extends AutoCloseable {

  /** Starts watching; blocking (it waits for the first listing), so never on an event loop. */
  void start();

  @Override
  void close();
}
