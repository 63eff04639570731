package io.watershed.bench.mesh;

/**
 * Where a dataset lives. Namespaces follow the OpenLineage naming spec ({@code postgres://host:port},
 * {@code bigquery}, {@code s3://bucket}); each store spells the same logical type its own way, as real
 * integrations report it.
 */
public enum Store {
  POSTGRES,
  MYSQL,
  LAKE,
  WAREHOUSE;

  /** The dataset namespace of this store for a domain (source databases are per domain, the rest shared). */
  public String namespace(String domain) {
    return switch (this) {
      case POSTGRES -> "postgres://" + domain + "-db:5432";
      case MYSQL -> "mysql://" + domain + "-db:3306";
      case LAKE -> "s3://lake";
      case WAREHOUSE -> "bigquery";
    };
  }

  /** The type name this store reports for a logical type. */
  public String typeName(LogicalType type) {
    return switch (this) {
      case POSTGRES, MYSQL -> switch (type) {
        case KEY -> "varchar(64)";
        case TEXT -> "text";
        case INTEGER -> "integer";
        case DECIMAL -> "numeric(18,2)";
        case TIMESTAMP -> "timestamp";
        case DATE -> "date";
        case BOOLEAN -> "boolean";
      };
      case LAKE -> switch (type) {
        case KEY, TEXT -> "string";
        case INTEGER -> "bigint";
        case DECIMAL -> "decimal(18,2)";
        case TIMESTAMP -> "timestamp";
        case DATE -> "date";
        case BOOLEAN -> "boolean";
      };
      case WAREHOUSE -> switch (type) {
        case KEY, TEXT -> "STRING";
        case INTEGER -> "INT64";
        case DECIMAL -> "NUMERIC";
        case TIMESTAMP -> "TIMESTAMP";
        case DATE -> "DATE";
        case BOOLEAN -> "BOOL";
      };
    };
  }

  /** Logical column types, rendered per store by {@link #typeName}. */
  public enum LogicalType {
    KEY,
    TEXT,
    INTEGER,
    DECIMAL,
    TIMESTAMP,
    DATE,
    BOOLEAN
  }
}
