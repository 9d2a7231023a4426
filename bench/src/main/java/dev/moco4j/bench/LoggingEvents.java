package dev.moco4j.bench;

import dev.moco4j.clustering.EventSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs the engine's events; the benchmark has no Kubernetes to send them to. */
final class LoggingEvents implements EventSink {

  private static final Logger LOG = LoggerFactory.getLogger("events");

  @Override
  public void normal(String reason, String message) {
    LOG.info("{}: {}", reason, message);
  }

  @Override
  public void warning(String reason, String message) {
    LOG.warn("{}: {}", reason, message);
  }
}
