package dev.moco4j.reconciler.model;

import dev.moco4j.api.names.MySQLUsers;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The init container's POSIX shell script: writes this instance's server_id, and initializes an
 * empty data directory with the operator's users.
 *
 * <p>A shell is needed for what mysqld cannot do itself: {@code mysqld --initialize} fails on a
 * directory that already holds data, so it must run only when there is none (every new pod of a
 * StatefulSet runs its init containers again); server_id is the base plus the pod's index, an
 * addition no Kubernetes field can express; and passwords come from the environment (filled from
 * the operator Secret), which mysqld's init file cannot read.
 *
 * <p>The init file turns binary logging off for its session first: every instance creates the users
 * itself when it is initialized, so they must not get GTIDs. {@code gtid_executed} stays empty, and
 * a new replica's set is a subset of its primary's, as the errant check requires. The password-less
 * {@code root@localhost} that {@code --initialize-insecure} leaves is locked: every moco4j
 * component has its own user, and it would let anyone who can exec into the pod bypass them. {@code
 * super_read_only} is turned off for initialization only (the generated my.cnf turns it on), since
 * it would refuse the users' creation.
 *
 * <p>Initialization runs in a scratch directory renamed into place only when it succeeded, so an
 * interrupted attempt is retried from scratch instead of leaving a half-made data directory.
 */
final class InitScript {

  static final String POD_NAME_ENV = "POD_NAME";
  static final String SERVER_ID_BASE_ENV = "SERVER_ID_BASE";

  private InitScript() {}

  static String text() {
    String passwords =
        Arrays.stream(MySQLUsers.values())
            .map(u -> "\"$" + u.passwordKey() + "\"")
            .collect(Collectors.joining(" "));
    String users =
        Arrays.stream(MySQLUsers.values())
            .map(UserGrants::statements)
            .collect(Collectors.joining());
    return """
        set -eu
        index="${%1$s##*-}"
        case "$index" in
          ''|*[!0-9]*) echo "moco4j-init: no instance index at the end of pod name $%1$s" >&2; exit 1 ;;
        esac
        printf '[mysqld]\\nserver_id = %%s\\n' "$((%2$s + index))" > %3$s
        if [ -d %4$s ]; then
          exit 0
        fi
        for password in %5$s; do
          case "$password" in
            ''|*[!A-Za-z0-9]*) echo "moco4j-init: a password in the operator Secret is empty or not only letters and digits" >&2; exit 1 ;;
          esac
        done
        rm -rf %6$s
        umask 077
        cat > %7$s <<EOF
        SET SESSION sql_log_bin = 0;
        %8$sALTER USER 'root'@'localhost' ACCOUNT LOCK;
        EOF
        mysqld --defaults-file=%9$s --datadir=%6$s --super-read-only=OFF --initialize-insecure --init-file=%7$s
        rm -f %7$s
        mv %6$s %4$s
        """
        .formatted(
            POD_NAME_ENV,
            SERVER_ID_BASE_ENV,
            MysqlPaths.SERVER_ID_CNF,
            MysqlPaths.DATADIR,
            passwords,
            MysqlPaths.DATADIR_IN_PROGRESS,
            MysqlPaths.INIT_SQL,
            users,
            MysqlPaths.MYCNF_FILE);
  }
}
