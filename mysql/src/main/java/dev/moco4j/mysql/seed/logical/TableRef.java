package dev.moco4j.mysql.seed.logical;

import dev.moco4j.mysql.SqlQuoting;

/** A schema-qualified object name. */
record TableRef(String schema, String name) {

  String quoted() {
    return SqlQuoting.identifier(schema) + "." + SqlQuoting.identifier(name);
  }

  @Override
  public String toString() {
    return schema + "." + name;
  }
}
