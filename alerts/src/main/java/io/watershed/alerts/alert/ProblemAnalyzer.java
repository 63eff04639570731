package io.watershed.alerts.alert;

import io.micronaut.core.annotation.Nullable;
import io.watershed.alerts.alert.Problem.ProductHit;
import io.watershed.alerts.change.Change;
import io.watershed.alerts.change.ChangeKind;
import io.watershed.alerts.channel.RootCauseKind;
import io.watershed.alerts.rootcause.RootCauseKey;
import io.watershed.graph.impact.CauseKind;
import io.watershed.graph.impact.ImpactAnalysis;
import io.watershed.graph.impact.ImpactReport;
import io.watershed.graph.impact.ImpactReport.ImpactedProduct;
import io.watershed.graph.impact.ImpactRequest;
import io.watershed.graph.impact.Precision;
import io.watershed.graph.impact.RootCauseAnalysis;
import io.watershed.graph.impact.RootCauseReport;
import io.watershed.graph.impact.StateReason;
import io.watershed.graph.lineage.InvalidNodeIdException;
import io.watershed.graph.lineage.NodeId;
import io.watershed.graph.lineage.NodeNotFoundException;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Works out, for one change, its root cause and the products it hits. An upstream change is its own root cause
 * and hits what lies downstream of it (column-precise for schema changes and column checks). A product out of its
 * SLO is hit directly; its root cause is looked for upstream, and whatever lies downstream of that cause is at risk.
 */
@Singleton
public class ProblemAnalyzer {

  private final ImpactAnalysis impact;
  private final RootCauseAnalysis rootCauses;
  private final AlertsSettings settings;

  public ProblemAnalyzer(ImpactAnalysis impact, RootCauseAnalysis rootCauses, AlertsSettings settings) {
    this.impact = impact;
    this.rootCauses = rootCauses;
    this.settings = settings;
  }

  public List<Problem> analyze(Change change) {
    if (change.kind() == ChangeKind.PRODUCT_OUT_OF_SLO) {
      return outOfSlo(change);
    }
    if (change.kind().rootCauseKind() == null) {
      return List.of();
    }
    NodeId start = NodeId.parse(change.subject().nodeId());
    List<String> fields = switch (change.kind()) {
      case SCHEMA_BREAKING, CHECK_FAILED -> change.details().fields();
      default -> List.of();
    };
    List<ProductHit> hits = hits(start, fields, change.kind().rootCauseKind(), change.details().lifecycleState());
    return List.of(
        new Problem(change.rootCause(), change.description(), change.evidence(), change.at(), hits, Set.of(change.id())));
  }

  /**
   * A product out of its SLO is hit directly, by each root cause found upstream of it (or, when none is, by its own
   * dataset). The products that read it are at risk because of it: their alerts stay open until it is back in its
   * SLO. Products elsewhere downstream of an upstream cause are alerted by that cause's own change, if it has one.
   */
  private List<Problem> outOfSlo(Change change) {
    String product = change.subject().name();
    RootCauseReport report;
    try {
      report = rootCauses.rootCause(product, settings.rootCauseDepth(), settings.impactNodeLimit());
    } catch (NodeNotFoundException e) {
      return List.of(); // the product was deleted since it changed state
    }
    String reasons = report.stateReasons().isEmpty() ? null : String.join(", ", report.stateReasons());
    List<ProductHit> consumers = consumersOf(report.datasets(), product);
    List<Problem> out = new ArrayList<>();
    for (RootCauseReport.Cause cause : report.causes()) {
      if (out.size() == settings.maxCausesPerProduct()) {
        break;
      }
      List<ProductHit> hits = new ArrayList<>();
      hits.add(new ProductHit(product, AlertRole.DIRECT, upstreamPath(cause.path()), "out of SLO", reasons));
      consumers.forEach(c -> hits.add(prefixed(cause.path(), c)));
      out.add(new Problem(RootCauseKey.of(cause.kind(), cause.node()), cause.description(), cause.evidence(),
          parse(cause.since(), change.at()), hits, Set.of(change.id())));
    }
    if (out.isEmpty()) {
      out.add(fallback(change, report, reasons, consumers));
    }
    return out;
  }

  /** No cause found upstream: the product's own dataset, named by its first reason that names a kind. */
  private static Problem fallback(
      Change change, RootCauseReport report, @Nullable String reasons, List<ProductHit> consumers) {
    CauseKind kind = CauseKind.STALE;
    String node = report.datasets().isEmpty() ? change.subject().nodeId() : report.datasets().get(0);
    for (String text : report.stateReasons()) {
      StateReason reason = StateReason.parse(text);
      if (reason.kind() != null) {
        kind = reason.kind();
        for (String dataset : report.datasets()) {
          NodeId id = NodeId.parse(dataset);
          if (reason.isAbout(id.namespace(), id.name())) {
            node = dataset;
          }
        }
        break;
      }
    }
    String product = change.subject().name();
    List<ProductHit> hits = new ArrayList<>();
    hits.add(new ProductHit(product, AlertRole.DIRECT, List.of(), "out of SLO", reasons));
    hits.addAll(consumers);
    String description = "Data product " + product + " is out of its SLO" + (reasons == null ? "" : ": " + reasons);
    return new Problem(RootCauseKey.of(kind, node), description, change.evidence(), change.at(), hits,
        Set.of(change.id()));
  }

  /** Products downstream of a product's datasets (the product itself excluded), all at risk. */
  private List<ProductHit> consumersOf(List<String> datasets, String product) {
    Map<String, ProductHit> out = new LinkedHashMap<>();
    for (String dataset : datasets) {
      for (ProductHit hit : hits(NodeId.parse(dataset), List.of(), RootCauseKind.STALE, null)) {
        if (!hit.product().equals(product)) {
          out.putIfAbsent(hit.product(),
              new ProductHit(hit.product(), AlertRole.AT_RISK, hit.path(), "at risk", hit.reason()));
        }
      }
    }
    return List.copyOf(out.values());
  }

  /** A consumer's path from the product's dataset, extended up to the root cause. */
  private static ProductHit prefixed(List<String> causePath, ProductHit consumer) {
    List<String> path = new ArrayList<>(causePath);
    List<String> rest = consumer.path();
    if (!rest.isEmpty() && !path.isEmpty() && rest.get(0).equals(path.get(path.size() - 1))) {
      rest = rest.subList(1, rest.size());
    }
    path.addAll(rest);
    return new ProductHit(consumer.product(), consumer.role(), path, consumer.state(), consumer.reason());
  }

  private List<ProductHit> hits(NodeId start, List<String> fields, RootCauseKind kind, @Nullable String lifecycle) {
    ImpactReport report;
    try {
      report = impact.impact(new ImpactRequest(start, fields, settings.impactDepth(), settings.impactNodeLimit()));
    } catch (NodeNotFoundException | InvalidNodeIdException e) {
      if (fields.isEmpty()) {
        return List.of(); // nothing of it is in the graph: nothing downstream to hit
      }
      // A field without a Field node has no column lineage: the whole dataset is what we know.
      return hits(start, List.of(), kind, lifecycle);
    }
    Map<String, ProductHit> out = new LinkedHashMap<>();
    for (ImpactedProduct p : report.products()) {
      AlertRole role = p.direct() ? AlertRole.DIRECT : AlertRole.AT_RISK;
      String state = role == AlertRole.AT_RISK ? "at risk" : directState(kind, lifecycle);
      out.putIfAbsent(p.name(), new ProductHit(p.name(), role, upstreamPath(p.path()), state, reason(p, role)));
    }
    return List.copyOf(out.values());
  }

  private static String directState(RootCauseKind kind, @Nullable String lifecycle) {
    return switch (kind) {
      case RUN_FAILED -> "not refreshed";
      case SCHEMA_BREAKING -> "schema broken";
      case LIFECYCLE_CHANGE -> switch (lifecycle == null ? "" : lifecycle) {
        case "DROP" -> "dataset dropped";
        case "RENAME" -> "dataset renamed";
        case "TRUNCATE" -> "dataset truncated";
        default -> "dataset changed";
      };
      case CHECK_FAILED -> "failing checks";
      case STALE -> "stale";
      case INCOMPLETE -> "incomplete";
    };
  }

  @Nullable
  private static String reason(ImpactedProduct p, AlertRole role) {
    if (role == AlertRole.DIRECT) {
      return p.fields().isEmpty() ? null : "columns hit: " + String.join(", ", p.fields());
    }
    long jobs = p.path().stream().filter(n -> n.startsWith("job:")).count();
    if (p.precision() == Precision.COLUMN && !p.fields().isEmpty()) {
      return "its columns " + String.join(", ", p.fields()) + " derive from it";
    }
    return "reads it through " + jobs + (jobs == 1 ? " job" : " jobs");
  }

  /** The path for people: empty when the root cause is the product's own dataset. */
  private static List<String> upstreamPath(List<String> path) {
    return path.size() <= 1 ? List.of() : path;
  }

  private static Instant parse(@Nullable String time, Instant fallback) {
    if (time == null) {
      return fallback;
    }
    try {
      return OffsetDateTime.parse(time).toInstant();
    } catch (DateTimeParseException e) {
      return fallback;
    }
  }
}
