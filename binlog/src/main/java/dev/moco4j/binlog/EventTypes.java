package dev.moco4j.binlog;

/** The binlog event type codes this module acts on (the {@code Log_event_type} numbers). */
public final class EventTypes {

  public static final int QUERY = 2;
  public static final int STOP = 3;
  public static final int ROTATE = 4;
  public static final int FORMAT_DESCRIPTION = 15;
  public static final int XID = 16;
  public static final int INCIDENT = 26;
  public static final int HEARTBEAT = 27;
  public static final int GTID = 33;
  public static final int ANONYMOUS_GTID = 34;
  public static final int PREVIOUS_GTIDS = 35;
  public static final int XA_PREPARE = 38;
  public static final int TRANSACTION_PAYLOAD = 40;
  public static final int HEARTBEAT_V2 = 41;

  private EventTypes() {}
}
