package dev.moco4j.mysql.seed.logical;

import java.util.List;

/** Creates the donor's views on the recipient, after all tables exist. */
final class ViewCopier {

  private ViewCopier() {}

  static void copy(DonorSnapshot donor, RecipientSession recipient, List<TableRef> views) {
    // SHOW CREATE VIEW names every referenced table with its schema, and keeps DEFINER and SQL
    // SECURITY. A view on a view fails until the inner one exists, hence the retries.
    List<String> ddl =
        views.stream()
            .map(
                view ->
                    donor
                        .query(
                            "reading the definition of view " + view,
                            "SHOW CREATE VIEW " + view.quoted(),
                            rs -> rs.getString(2))
                        .getFirst())
            .toList();
    UntilNoProgress.run(ddl, sql -> recipient.execute("creating a view", sql));
  }
}
