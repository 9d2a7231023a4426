package dev.moco4j.reconciler.model;

/** Paths and volume names inside a MySQL pod, shared by my.cnf, the init script and the pod. */
final class MysqlPaths {

  /** Where the data volume is mounted: the image's default, so tools find it where they expect. */
  static final String DATA_MOUNT = "/var/lib/mysql";

  /**
   * The data directory: a subdirectory, because a new volume's root may hold lost+found, and {@code
   * mysqld --initialize} refuses a non-empty directory.
   */
  static final String DATADIR = DATA_MOUNT + "/data";

  /** Where the init container builds a data directory before renaming it to {@link #DATADIR}. */
  static final String DATADIR_IN_PROGRESS = DATA_MOUNT + "/data.init";

  static final String MYCNF_VOLUME = "moco4j-mycnf";
  static final String MYCNF_DIR = "/etc/moco4j/mysql";
  static final String MYCNF_KEY = "my.cnf";
  static final String MYCNF_FILE = MYCNF_DIR + "/" + MYCNF_KEY;

  /** A per-pod scratch volume: the server_id file, the socket, the pid file. */
  static final String RUN_VOLUME = "moco4j-run";

  static final String RUN_DIR = "/run/moco4j";
  static final String SERVER_ID_CNF = RUN_DIR + "/server-id.cnf";
  static final String SOCKET = RUN_DIR + "/mysqld.sock";
  static final String PID_FILE = RUN_DIR + "/mysqld.pid";
  static final String INIT_SQL = RUN_DIR + "/init.sql";

  static final String TMP_VOLUME = "moco4j-tmp";
  static final String TMP_DIR = "/tmp";

  private MysqlPaths() {}
}
