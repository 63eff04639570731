package io.watershed.graph.impact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.watershed.graph.impact.ImpactReport.ImpactedNode;
import io.watershed.graph.impact.ImpactReport.ImpactedProduct;
import io.watershed.graph.lineage.InvalidNodeIdException;
import io.watershed.graph.lineage.NodeId;
import io.watershed.graph.lineage.NodeNotFoundException;
import io.watershed.graph.testing.GraphFixture;
import io.watershed.graph.testing.Neo4jExtension;
import io.watershed.graph.testing.TestNeo4j;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Impact on hand-built graphs whose answers are known. */
@ExtendWith(Neo4jExtension.class)
class ImpactAnalysisIT {

  private final ImpactAnalysis impact = new ImpactAnalysis(Neo4jExtension.connection());
  private GraphFixture g;

  @BeforeEach
  void setUp(TestNeo4j neo4j) {
    g = new GraphFixture(neo4j.driver(), "wh");
  }

  /**
   * raw.orders -> clean -> staging.orders -> agg -> mart.revenue (product revenue, finance) -> report ->
   * mart.report (product exec-report, exec); staging.orders is also read by export, which writes nothing.
   */
  private void jobLevelMesh() {
    g.job("clean", List.of("raw.orders"), List.of("staging.orders"))
        .job("agg", List.of("staging.orders"), List.of("mart.revenue"))
        .job("export", List.of("staging.orders"), List.of())
        .job("report", List.of("mart.revenue"), List.of("mart.report"))
        .product("revenue").domain("finance").severity("critical").owner("finance-team").exposes("mart.revenue")
        .build()
        .product("exec-report").domain("exec").owner("exec-team").exposes("mart.report").build();
  }

  @Test
  void shouldFollowJobLevelLineageToProductsOwnersAndConsumers() {
    jobLevelMesh();

    ImpactReport report = impact.impact(request("dataset:wh:raw.orders", 10));

    assertThat(report.truncated()).isFalse();
    assertThat(report.products()).extracting(ImpactedProduct::name).containsExactly("revenue", "exec-report");
    ImpactedProduct revenue = report.products().get(0);
    assertThat(revenue.path())
        .containsExactly(
            "dataset:wh:raw.orders", "job:wh:clean", "dataset:wh:staging.orders", "job:wh:agg", "dataset:wh:mart.revenue");
    assertThat(revenue.distance()).isEqualTo(4);
    assertThat(revenue.direct()).isFalse();
    assertThat(revenue.precision()).isEqualTo(Precision.DATASET);
    assertThat(revenue.severity()).isEqualTo("critical");
    assertThat(revenue.owners()).containsExactly("finance-team");
    assertThat(revenue.consumers().jobs()).containsExactly("job:wh:report");
    assertThat(revenue.consumers().domains()).containsExactly("exec");
    assertThat(report.products().get(1).consumers().domains()).isEmpty();
    assertThat(report.jobs()).extracting(ImpactedNode::id)
        .containsExactly("job:wh:clean", "job:wh:agg", "job:wh:export", "job:wh:report");
    assertThat(report.datasets()).extracting(ImpactedNode::id)
        .containsExactly("dataset:wh:raw.orders", "dataset:wh:staging.orders", "dataset:wh:mart.revenue",
            "dataset:wh:mart.report");
    assertThat(report.owners()).extracting(ImpactReport.ImpactedOwner::name).containsExactly("exec-team", "finance-team");
  }

  @Test
  void shouldCallAProductDirectWhenTheChangedJobWritesItsDataset() {
    jobLevelMesh();

    ImpactReport report = impact.impact(request("job:wh:agg", 10));

    assertThat(report.products()).extracting(ImpactedProduct::name, ImpactedProduct::direct)
        .containsExactly(tuple("revenue", true),
            tuple("exec-report", false));
    assertThat(report.products().get(0).path()).containsExactly("job:wh:agg", "dataset:wh:mart.revenue");
    assertThat(report.datasets()).extracting(ImpactedNode::id).doesNotContain("dataset:wh:staging.orders");
  }

  /**
   * orders(id, amount, customer): bill derives revenue.total from amount; crm derives customers.cid from customer;
   * kpi derives kpi.total_revenue from revenue.total. Products: revenue, customers, kpi.
   */
  private void columnMesh() {
    g.dataset("orders", "id", "amount", "customer")
        .job("bill", List.of("orders"), List.of("revenue"))
        .derive("revenue", "total", "orders", "amount")
        .derive("revenue", "order_id", "orders", "id")
        .job("crm", List.of("orders"), List.of("customers"))
        .derive("customers", "cid", "orders", "customer")
        .job("kpi_job", List.of("revenue"), List.of("kpi"))
        .derive("kpi", "total_revenue", "revenue", "total")
        .product("revenue").domain("finance").owner("finance-team").exposes("revenue").build()
        .product("customers").domain("crm").owner("crm-team").exposes("customers").build()
        .product("kpi").domain("exec").owner("exec-team").exposes("kpi").build();
  }

  @Test
  void shouldHitOnlyWhatDerivesFromTheChangedColumn() {
    columnMesh();

    ImpactReport report = impact.impact(new ImpactRequest(NodeId.parse("dataset:wh:orders"), List.of("amount"), 10, 1000));

    assertThat(report.products()).extracting(ImpactedProduct::name).containsExactly("revenue", "kpi");
    ImpactedProduct revenue = report.products().get(0);
    assertThat(revenue.precision()).isEqualTo(Precision.COLUMN);
    assertThat(revenue.fields()).containsExactly("total");
    assertThat(revenue.path())
        .containsExactly(
            "datasetField:wh:orders:amount", "job:wh:bill", "datasetField:wh:revenue:total", "dataset:wh:revenue");
    assertThat(revenue.distance()).isEqualTo(2);
    assertThat(revenue.direct()).isFalse();
    assertThat(revenue.consumers().jobs()).containsExactly("job:wh:kpi_job");
    assertThat(revenue.consumers().domains()).containsExactly("exec");
    assertThat(report.products().get(1).fields()).containsExactly("total_revenue");
    assertThat(report.products().get(1).distance()).isEqualTo(4);
    assertThat(report.jobs()).extracting(ImpactedNode::id).containsExactly("job:wh:bill", "job:wh:kpi_job");
    assertThat(report.datasets()).extracting(ImpactedNode::id)
        .containsExactly("dataset:wh:orders", "dataset:wh:revenue", "dataset:wh:kpi");
    assertThat(report.owners()).extracting(ImpactReport.ImpactedOwner::name).doesNotContain("crm-team");
  }

  @Test
  void shouldAcceptAFieldNodeIdAsWellAsADatasetWithFields() {
    columnMesh();

    ImpactReport byField = impact.impact(request("datasetField:wh:orders:customer", 10));

    assertThat(byField.products()).extracting(ImpactedProduct::name).containsExactly("customers");
    assertThat(byField.fields()).containsExactly("customer");
  }

  @Test
  void shouldCallTheProductOfTheChangedDatasetDirect() {
    columnMesh();

    ImpactReport report = impact.impact(new ImpactRequest(NodeId.parse("dataset:wh:revenue"), List.of("total"), 10, 1000));

    assertThat(report.products()).extracting(ImpactedProduct::name).containsExactly("revenue", "kpi");
    assertThat(report.products().get(0).direct()).isTrue();
    assertThat(report.products().get(0).path()).containsExactly("datasetField:wh:revenue:total", "dataset:wh:revenue");
    assertThat(report.products().get(1).direct()).isFalse();
  }

  @Test
  void shouldTreatReadersWithoutColumnLineageAsAffectedAsAWhole() {
    columnMesh();
    g.job("audit", List.of("orders"), List.of("audit_log"))
        .product("audit").domain("risk").owner("risk-team").exposes("audit_log").build();

    ImpactReport report = impact.impact(new ImpactRequest(NodeId.parse("dataset:wh:orders"), List.of("amount"), 10, 1000));

    assertThat(report.products()).extracting(ImpactedProduct::name).containsExactly("audit", "revenue", "kpi");
    ImpactedProduct audit = report.products().get(0);
    assertThat(audit.precision()).isEqualTo(Precision.DATASET);
    assertThat(audit.path()).containsExactly(
        "datasetField:wh:orders:amount", "dataset:wh:orders", "job:wh:audit", "dataset:wh:audit_log");
    assertThat(report.jobs()).extracting(ImpactedNode::id).contains("job:wh:audit").doesNotContain("job:wh:crm");
  }

  @Test
  void shouldWalkTheWholeDatasetWhenNoFieldIsGiven() {
    columnMesh();

    ImpactReport report = impact.impact(request("dataset:wh:orders", 10));

    assertThat(report.products()).extracting(ImpactedProduct::name).containsExactly("customers", "revenue", "kpi");
    assertThat(report.products()).allSatisfy(p -> assertThat(p.precision()).isEqualTo(Precision.DATASET));
  }

  @Test
  void shouldSayWhenTheDepthCutTheWalk() {
    jobLevelMesh();

    ImpactReport report = impact.impact(request("dataset:wh:raw.orders", 2));

    assertThat(report.truncated()).isTrue();
    assertThat(report.truncatedBy()).isEqualTo("depth");
    assertThat(report.datasets()).extracting(ImpactedNode::id)
        .containsExactly("dataset:wh:raw.orders", "dataset:wh:staging.orders");
    assertThat(report.products()).isEmpty();
  }

  @Test
  void shouldNotSayCutWhenTheDepthIsExactlyEnough() {
    jobLevelMesh();

    ImpactReport report = impact.impact(request("dataset:wh:raw.orders", 6));

    assertThat(report.truncated()).isFalse();
    assertThat(report.products()).hasSize(2);
  }

  @Test
  void shouldSayWhenTheNodeLimitCutTheWalk() {
    jobLevelMesh();

    ImpactReport report = impact.impact(new ImpactRequest(NodeId.parse("dataset:wh:raw.orders"), List.of(), 10, 3));

    assertThat(report.truncatedBy()).isEqualTo("nodeLimit");
    assertThat(report.datasets().size() + report.jobs().size()).isEqualTo(3);
  }

  @Test
  void shouldVisitEachNodeOnceOnDiamondsWithoutEnumeratingPaths() {
    // 20 layers of two datasets, each fed by both of the layer above: 2^20 paths, 41 datasets, 20 jobs.
    List<String> previous = List.of("d0");
    g.dataset("d0");
    for (int layer = 1; layer <= 20; layer++) {
      List<String> current = List.of("d" + layer + "a", "d" + layer + "b");
      g.job("j" + layer, previous, current);
      previous = current;
    }

    ImpactReport report = impact.impact(new ImpactRequest(NodeId.parse("dataset:wh:d0"), List.of(), 50, 10_000));

    assertThat(report.datasets()).hasSize(41);
    assertThat(report.jobs()).hasSize(20);
    assertThat(report.truncated()).isFalse();
    ImpactedNode last = report.datasets().get(report.datasets().size() - 1);
    assertThat(last.distance()).isEqualTo(40);
    assertThat(last.path()).hasSize(41);
  }

  @Test
  void shouldRejectUnknownNodesAndFields() {
    columnMesh();

    assertThatThrownBy(() -> impact.impact(request("dataset:wh:nope", 5)))
        .isInstanceOf(NodeNotFoundException.class)
        .hasMessageContaining("dataset:wh:nope");
    assertThatThrownBy(() -> impact.impact(new ImpactRequest(NodeId.parse("dataset:wh:orders"), List.of("ghost"), 5, 10)))
        .isInstanceOf(NodeNotFoundException.class)
        .hasMessageContaining("datasetField:wh:orders:ghost");
    assertThatThrownBy(() -> new ImpactRequest(NodeId.parse("job:wh:bill"), List.of("x"), 5, 10))
        .isInstanceOf(InvalidNodeIdException.class);
  }

  private static ImpactRequest request(String nodeId, int depth) {
    return new ImpactRequest(NodeId.parse(nodeId), new ArrayList<>(), depth, 1000);
  }
}
