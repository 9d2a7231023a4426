package dev.moco4j.service;

import org.slf4j.bridge.SLF4JBridgeHandler;

/** Sends every library's logging (SLF4J, JUL, Vert.x) to logback, configured by logback.xml. */
final class LoggingSetup {

  static final String VERTX_LOGGER_FACTORY = "vertx.logger-delegate-factory-class-name";

  private static boolean configured;

  private LoggingSetup() {}

  /** Must run before the first Vert.x class logs: Vert.x picks its backend once. */
  static synchronized void configure() {
    if (configured) {
      return;
    }
    if (System.getProperty(VERTX_LOGGER_FACTORY) == null) {
      System.setProperty(VERTX_LOGGER_FACTORY, "io.vertx.core.logging.SLF4JLogDelegateFactory");
    }
    SLF4JBridgeHandler.removeHandlersForRootLogger();
    SLF4JBridgeHandler.install();
    configured = true;
  }
}
