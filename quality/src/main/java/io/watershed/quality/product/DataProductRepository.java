package io.watershed.quality.product;

import static io.watershed.quality.GraphValues.instant;
import static io.watershed.quality.GraphValues.string;
import static io.watershed.quality.GraphValues.time;

import io.micronaut.core.annotation.Nullable;
import io.watershed.graph.neo4j.Neo4jConnection;
import io.watershed.quality.GraphValues;
import io.watershed.quality.contract.AlertRoute;
import io.watershed.quality.contract.DataProductContract;
import io.watershed.quality.contract.DatasetRef;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.TransactionContext;

/** Stores data products, their contract versions and links (docs/graph-model.md, "Data products"). */
@Singleton
public class DataProductRepository {

  private final Neo4jConnection connection;

  public DataProductRepository(Neo4jConnection connection) {
    this.connection = connection;
  }

  /**
   * Stores a contract as the product's current one. The same document from the same source again changes nothing;
   * otherwise a new version is kept and the product's properties and links follow the contract.
   */
  public PutOutcome put(DataProductContract contract, ProductSource source, Instant now) {
    String name = contract.name().value();
    String document = contract.source().text();
    String hash = sha256(document);
    try (Session session = session()) {
      return session.executeWrite(
          tx -> {
            List<Record> current = tx.run(ProductCypher.CURRENT, Map.of("name", name)).list();
            Record existing = current.isEmpty() ? null : current.get(0);
            boolean deleted = existing == null || !existing.get("deletedAt").isNull();
            if (!deleted
                && hash.equals(string(existing.get("hash")))
                && source.value().equals(string(existing.get("source")))) {
              RegisteredProduct same =
                  new RegisteredProduct(
                      contract,
                      existing.get("version").asInt(),
                      source,
                      instant(existing.get("activeSince")),
                      instant(existing.get("updatedAt")));
              return new PutOutcome(same, false, false);
            }
            int version = existing == null || existing.get("version").isNull() ? 1 : existing.get("version").asInt() + 1;
            write(tx, contract, source, version, hash, deleted, now);
            Instant activeSince = deleted ? now : instant(existing.get("activeSince"));
            return new PutOutcome(
                new RegisteredProduct(contract, version, source, activeSince == null ? now : activeSince, now),
                deleted,
                true);
          });
    }
  }

  /** Deletes a product softly; true when it was active. Versions and SLO history are kept. */
  public boolean delete(String name, Instant now) {
    try (Session session = session()) {
      return session.executeWrite(
          tx -> tx.run(ProductCypher.SOFT_DELETE, Map.of("name", name, "now", time(now))).hasNext());
    }
  }

  /** Every active product's current contract document, to rebuild the in-memory registry. */
  public List<StoredProduct> loadActive() {
    try (Session session = session()) {
      return session.executeRead(
          tx ->
              tx.run(ProductCypher.LOAD_ACTIVE)
                  .list(
                      r ->
                          new StoredProduct(
                              r.get("name").asString(),
                              r.get("document").asString(),
                              r.get("version").asInt(),
                              new ProductSource(r.get("source").asString()),
                              instant(r.get("activeSince")),
                              instant(r.get("updatedAt")))));
    }
  }

  public List<ContractVersionView> versions(String name) {
    try (Session session = session()) {
      return session.executeRead(
          tx ->
              tx.run(ProductCypher.VERSIONS, Map.of("name", name))
                  .list(
                      r ->
                          new ContractVersionView(
                              r.get("version").asInt(),
                              r.get("format").asString(),
                              r.get("source").asString(),
                              instant(r.get("createdAt")),
                              string(r.get("declaredVersion")),
                              r.get("hash").asString())));
    }
  }

  /** One version's document text, as it was loaded. */
  public Optional<String> document(String name, int version) {
    try (Session session = session()) {
      return session.executeRead(
          tx -> {
            List<Record> rows =
                tx.run(ProductCypher.VERSION_DOCUMENT, Map.of("name", name, "version", version)).list();
            return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0).get("document").asString());
          });
    }
  }

  /** A page of active products with their recorded state, by name. */
  public List<Map<String, Object>> list(@Nullable String domain, int limit, int offset) {
    Map<String, Object> params = new HashMap<>();
    params.put("domain", domain);
    params.put("limit", limit);
    params.put("offset", offset);
    try (Session session = session()) {
      return session.executeRead(tx -> tx.run(ProductCypher.LIST, params).list(r -> r.get("p").asMap()));
    }
  }

  public long count(@Nullable String domain) {
    Map<String, Object> params = new HashMap<>();
    params.put("domain", domain);
    try (Session session = session()) {
      return session.executeRead(tx -> tx.run(ProductCypher.COUNT, params).single().get("total").asLong());
    }
  }

  /** The state last recorded for an active product. */
  public Optional<RecordedState> state(String name) {
    try (Session session = session()) {
      return session.executeRead(
          tx -> {
            List<Record> rows = tx.run(ProductCypher.STATE, Map.of("name", name)).list();
            if (rows.isEmpty()) {
              return Optional.empty();
            }
            Record r = rows.get(0);
            return Optional.of(
                new RecordedState(
                    string(r.get("state")),
                    instant(r.get("stateSince")),
                    GraphValues.stringList(r.get("stateReasons")),
                    instant(r.get("evaluatedAt")),
                    instant(r.get("nextDeadline"))));
          });
    }
  }

  private void write(
      TransactionContext tx,
      DataProductContract contract,
      ProductSource source,
      int version,
      String hash,
      boolean reactivate,
      Instant now) {
    String name = contract.name().value();
    Map<String, Object> upsert = new HashMap<>();
    upsert.put("name", name);
    upsert.put("now", time(now));
    upsert.put("reactivate", reactivate);
    upsert.put("props", properties(contract, source, version));
    tx.run(ProductCypher.UPSERT_PRODUCT, upsert).consume();

    Map<String, Object> v = new HashMap<>();
    v.put("name", name);
    v.put("version", version);
    v.put("format", contract.format().name());
    v.put("document", contract.source().text());
    v.put("source", source.value());
    v.put("now", time(now));
    v.put("hash", hash);
    v.put("declaredVersion", contract.version());
    tx.run(ProductCypher.ADD_VERSION, v).consume();

    tx.run(ProductCypher.UNLINK, Map.of("name", name)).consume();
    Map<String, Object> link = new HashMap<>();
    link.put("name", name);
    link.put("domain", contract.domain());
    link.put("owners", contract.owners());
    List<Map<String, Object>> ports = new ArrayList<>();
    for (DatasetRef port : contract.outputPorts()) {
      ports.add(Map.of("namespace", port.namespace(), "name", port.name()));
    }
    link.put("ports", ports);
    tx.run(ProductCypher.LINK, link).consume();
  }

  /** The product's own properties; a null value removes the property (an objective dropped from the contract). */
  static Map<String, Object> properties(DataProductContract contract, ProductSource source, int version) {
    Map<String, Object> props = new LinkedHashMap<>();
    props.put("domain", contract.domain());
    props.put("description", contract.description());
    props.put("severity", contract.severity().label());
    props.put("freshnessObjectiveSeconds", contract.freshness() == null ? null : contract.freshness().toSeconds());
    props.put("availabilityTarget", contract.availability() == null ? null : contract.availability().target());
    props.put("windowSeconds", ProductWindows.window(contract).toSeconds());
    props.put("contractVersion", version);
    props.put("contractFormat", contract.format().name());
    props.put("alertRoutes", GraphValues.json(alertRoutes(contract.alertRoutes())));
    props.put("consumers", GraphValues.json(contract.access().consumers()));
    props.put("source", source.value());
    return props;
  }

  /** Alert routes in the JSON shape of docs/graph-model.md; email addresses are gathered into one route. */
  static List<Map<String, Object>> alertRoutes(List<AlertRoute> routes) {
    List<Map<String, Object>> out = new ArrayList<>();
    List<String> emails = new ArrayList<>();
    for (AlertRoute route : routes) {
      if (route instanceof AlertRoute.Email email) {
        if (emails.isEmpty()) {
          Map<String, Object> e = new LinkedHashMap<>();
          e.put("type", "email");
          e.put("to", emails);
          out.add(e);
        }
        emails.add(email.address());
      } else if (route instanceof AlertRoute.Slack slack) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("type", "slack");
        if (slack.webhookUrl() != null) {
          s.put("webhookUrl", slack.webhookUrl().toString());
        }
        if (slack.channel() != null) {
          s.put("channel", slack.channel());
        }
        out.add(s);
      } else if (route instanceof AlertRoute.Webhook hook) {
        Map<String, Object> w = new LinkedHashMap<>();
        w.put("type", "webhook");
        w.put("url", hook.url().toString());
        if (hook.secretEnv() != null) {
          w.put("secretEnv", hook.secretEnv());
        }
        out.add(w);
      }
    }
    return out;
  }

  private Session session() {
    return connection.driver().session(connection.sessionConfig());
  }

  static String sha256(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }

  /** A product as stored: its current document, to be parsed again. */
  public record StoredProduct(
      String name, String document, int version, ProductSource source, Instant activeSince, Instant updatedAt) {}

  /** One version of a product's contract. */
  public record ContractVersionView(
      int version, String format, String source, Instant createdAt, @Nullable String declaredVersion, String hash) {}

  /** The SLO state last recorded for a product. */
  public record RecordedState(
      @Nullable String state,
      @Nullable Instant stateSince,
      List<String> reasons,
      @Nullable Instant evaluatedAt,
      @Nullable Instant nextDeadline) {}
}
