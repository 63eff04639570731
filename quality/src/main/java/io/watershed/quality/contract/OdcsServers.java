package io.watershed.quality.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Works out the OpenLineage identifier of a table from an ODCS server, following the OpenLineage naming conventions
 * (namespace = the data source, name = the path inside it): a postgres server {@code db.example.com:5432} with
 * database {@code shop} and schema {@code public} holds table {@code orders} as
 * {@code postgres://db.example.com:5432} / {@code shop.public.orders}. Types without a clear convention (files,
 * object stores, APIs ...) are left to the {@code watershed.outputPorts} extension.
 */
final class OdcsServers {

  static final Set<String> SUPPORTED_TYPES = Set.of("postgres", "postgresql", "mysql", "sqlserver", "trino", "db2",
      "clickhouse", "bigquery", "snowflake", "databricks", "kafka");
  private static final Set<String> PRODUCTION = Set.of("prod", "production");

  private OdcsServers() {}

  /**
   * The servers whose datasets are output ports: when some servers say they are production ({@code environment:
   * prod} or {@code production}), only those (a product is measured where its consumers read it); otherwise all.
   */
  static List<Integer> productionServers(JsonNode servers) {
    List<Integer> all = new ArrayList<>();
    List<Integer> production = new ArrayList<>();
    for (int i = 0; i < servers.size(); i++) {
      all.add(i);
      String environment = servers.get(i).path("environment").asText("").toLowerCase(Locale.ROOT);
      if (PRODUCTION.contains(environment)) {
        production.add(i);
      }
    }
    return production.isEmpty() ? all : production;
  }

  /** The dataset a table of this server is, or empty when the server's type or fields do not say enough. */
  static Optional<DatasetRef> dataset(JsonNode server, String table) {
    String type = server.path("type").asText("").toLowerCase(Locale.ROOT);
    return switch (type) {
      case "postgres", "postgresql" -> hostPort("postgres", server, 5432, table, "database", "schema");
      case "mysql" -> hostPort("mysql", server, 3306, table, "database");
      case "sqlserver" -> hostPort("mssql", server, 1433, table, "database", "schema");
      case "trino" -> hostPort("trino", server, -1, table, "catalog", "schema");
      case "db2" -> hostPort("db2", server, -1, table, "database", "schema");
      case "clickhouse" -> hostPort("clickhouse", server, -1, table, "database");
      case "bigquery" -> named("bigquery", server, table, "project", "dataset");
      case "snowflake" -> text(server, "account").flatMap(account ->
          named("snowflake://" + account, server, table, "database", "schema"));
      case "databricks" -> text(server, "host").map(OdcsServers::bareHost).flatMap(host ->
          named("databricks://" + host, server, table, "catalog", "schema"));
      case "kafka" -> text(server, "host").map(OdcsServers::firstBroker)
          .map(broker -> new DatasetRef("kafka://" + broker, table));
      default -> Optional.empty();
    };
  }

  /** How a server is named in warnings: {@code servers[0] (my-postgres, postgres)}. */
  static String describe(int index, JsonNode server) {
    return "servers[" + index + "] (" + server.path("server").asText("?") + ", " + server.path("type").asText("?")
        + ")";
  }

  private static Optional<DatasetRef> hostPort(
      String scheme, JsonNode server, int defaultPort, String table, String... prefixFields) {
    Optional<String> host = text(server, "host").map(OdcsServers::bareHost);
    Optional<String> port = text(server, "port").or(() ->
        defaultPort > 0 ? Optional.of(Integer.toString(defaultPort)) : Optional.empty());
    if (host.isEmpty() || port.isEmpty()) {
      return Optional.empty();
    }
    return named(scheme + "://" + host.get() + ":" + port.get(), server, table, prefixFields);
  }

  private static Optional<DatasetRef> named(String namespace, JsonNode server, String table, String... prefixFields) {
    List<String> prefix = new ArrayList<>();
    for (String field : prefixFields) {
      Optional<String> part = text(server, field);
      if (part.isEmpty()) {
        return Optional.empty();
      }
      prefix.add(part.get());
    }
    return Optional.of(new DatasetRef(namespace, qualify(prefix, table)));
  }

  /**
   * Prefixes a table with as many of the server's parts as it lacks: {@code orders} becomes
   * {@code shop.public.orders}, {@code public.orders} becomes {@code shop.public.orders}, and
   * {@code shop.public.orders} is taken as already complete.
   */
  static String qualify(List<String> prefix, String table) {
    int have = table.split("\\.", -1).length;
    int missing = Math.max(0, prefix.size() + 1 - have);
    List<String> parts = new ArrayList<>(prefix.subList(0, missing));
    parts.add(table);
    return String.join(".", parts);
  }

  private static Optional<String> text(JsonNode server, String field) {
    JsonNode value = server.get(field);
    if (value == null || value.isNull() || value.isContainerNode()) {
      return Optional.empty();
    }
    String text = value.asText().strip();
    return text.isEmpty() ? Optional.empty() : Optional.of(text);
  }

  /** {@code https://host/} and {@code host} both give {@code host}. */
  private static String bareHost(String host) {
    String bare = host;
    int scheme = bare.indexOf("://");
    if (scheme >= 0) {
      bare = bare.substring(scheme + 3);
    }
    while (bare.endsWith("/")) {
      bare = bare.substring(0, bare.length() - 1);
    }
    return bare;
  }

  /** Kafka hosts are often a bootstrap list; OpenLineage names the topic by its first broker. */
  private static String firstBroker(String hosts) {
    return bareHost(Arrays.stream(hosts.split(",")).map(String::strip).filter(h -> !h.isEmpty())
        .findFirst().orElse(hosts));
  }
}
