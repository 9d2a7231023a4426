package dev.moco4j.mysql.seed.logical;

import dev.moco4j.mysql.MySqlException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Creates objects whose dependencies are unknown (a view on a view, an account whose default role
 * is another account) by retrying failures after the others, until a round makes no progress.
 */
final class UntilNoProgress {

  private UntilNoProgress() {}

  static <T> void run(List<T> items, Consumer<T> create) {
    List<T> pending = items;
    while (!pending.isEmpty()) {
      List<T> failed = new ArrayList<>();
      MySqlException lastFailure = null;
      for (T item : pending) {
        try {
          create.accept(item);
        } catch (MySqlException e) {
          failed.add(item);
          lastFailure = e;
        }
      }
      if (failed.size() == pending.size()) {
        // Nothing could be created this round: the failure is real, not an ordering problem.
        throw lastFailure;
      }
      pending = failed;
    }
  }
}
