package dev.moco4j.eventbus;

/** A versioned record carried on the moco4j event bus. */
public interface EventBusMessage {

  /** The schema version every message type starts at; a message without the field is this one. */
  int FIRST_SCHEMA_VERSION = 1;

  /**
   * The version of the schema this message was written with. A reader accepts its own version and
   * older ones, so services can be upgraded one at a time.
   */
  int schemaVersion();
}
