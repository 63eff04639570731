package io.watershed.server.demo;

import static io.watershed.server.demo.Pipeline.Outcome.failed;
import static io.watershed.server.demo.Pipeline.Outcome.validated;
import static io.watershed.server.demo.Pipeline.Outcome.wrote;

import io.watershed.server.demo.Pipeline.AssertionAbout;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The demo's data mesh: four domains, five data products, and the pipelines that produce, validate and read them
 * (src/main/resources/demo/README.md tells the story). Relative to "now", the history leaves:
 *
 * <ul>
 *   <li>{@code orders} (order) and {@code customer-360} (customer) fresh, complete and passing: in SLO;
 *   <li>{@code inventory} (product) stale: its snapshot job has failed for two days;
 *   <li>{@code campaign-attribution} (marketing) incomplete: its last run left 12% of {@code channel} null;
 *   <li>{@code product-catalog} (product) breached: its latest validation found non-positive prices.
 * </ul>
 *
 * One more producer is misconfigured: its events are rejected.
 */
public final class DemoMesh {

  /** How far back the history goes. */
  public static final Duration HISTORY = Duration.ofDays(3);

  static final String ORDERS_DB = "postgres://orders-db.internal:5432";
  static final DemoDataset ORDER_EVENTS = DemoDataset.of(ORDERS_DB, "shop.public.order_events");
  static final DemoDataset ORDERS =
      DemoDataset.of(ORDERS_DB, "shop.public.orders", "order_id", "customer_id", "status", "total_amount");
  static final DemoDataset FULFILMENT_PLAN = DemoDataset.of(ORDERS_DB, "shop.public.fulfilment_plan");
  static final DemoDataset CRM_CUSTOMERS = DemoDataset.of("postgres://crm-db.internal:5432", "crm.public.customers");
  static final DemoDataset CUSTOMER_360 =
      DemoDataset.of("bigquery", "analytics-prod.customer.customer_360", "customer_id", "email", "lifetime_value");
  static final DemoDataset STOCK_LEVELS =
      DemoDataset.of("postgres://warehouse-db.internal:5432", "wms.public.stock_levels");
  static final DemoDataset INVENTORY =
      DemoDataset.of("bigquery", "analytics-prod.product.inventory", "sku", "warehouse_id", "on_hand");
  static final DemoDataset PIM_PRODUCTS = DemoDataset.of("postgres://pim-db.internal:5432", "pim.public.products");
  static final DemoDataset CATALOG = DemoDataset.of("s3://acme-catalog", "catalog/products", "sku", "title", "price");
  static final DemoDataset AD_CLICKS = DemoDataset.of("s3://acme-ads", "raw/clicks");
  static final DemoDataset ATTRIBUTION = DemoDataset.of("bigquery", "analytics-prod.marketing.campaign_attribution",
      "order_id", "campaign_id", "channel", "attributed_revenue");
  static final DemoDataset EMAIL_AUDIENCE = DemoDataset.of("bigquery", "analytics-prod.marketing.email_audience");
  static final DemoDataset BUDGET = DemoDataset.of("bigquery", "analytics-prod.marketing.budget_recommendations");
  static final DemoDataset DAILY_REVENUE = DemoDataset.of("bigquery", "analytics-prod.finance.daily_revenue");

  /** The data products, with the contract file each is declared by (src/main/resources/demo/contracts). */
  public static final Map<String, String> CONTRACTS = Map.of(
      "orders", "orders.odcs.yaml",
      "customer-360", "customer-360.data-product.yml",
      "inventory", "inventory.data-product.yml",
      "product-catalog", "product-catalog.data-product.yml",
      "campaign-attribution", "campaign-attribution.data-product.yml");

  private static final Duration HOUR = Duration.ofHours(1);
  private static final List<Pipeline> PIPELINES = List.of(
      // order domain: hourly load of the orders product; one failed hour a day and a half ago.
      new Pipeline(job("order-platform", "orders.load", "AIRFLOW", "TASK"), HOUR, minutes(10), minutes(2),
          minutes(4), List.of(ORDER_EVENTS, CATALOG), List.of(ORDERS),
          age -> age == 30
              ? failed("Deadlock detected while loading shop.public.orders")
              : wrote(output(ORDERS, 120_000 + 500L * (72 - age), Map.of("order_id", 0L, "customer_id", 0L)))),
      // customer domain: customer-360 rebuilt every 6 hours from the CRM and the orders product, then validated.
      new Pipeline(job("customer-analytics", "customer_360.build", "SPARK", "JOB"), hours(6), HOUR, minutes(3),
          minutes(18), List.of(CRM_CUSTOMERS, ORDERS), List.of(CUSTOMER_360),
          age -> wrote(output(CUSTOMER_360, 2_400_000, Map.of("customer_id", 0L, "email", 48_000L)))),
      new Pipeline(job("customer-analytics", "customer_360.validate", "GREAT_EXPECTATIONS", "TEST"), hours(6),
          minutes(35), minutes(1), minutes(2), List.of(CUSTOMER_360), List.of(),
          age -> validated(assertion(CUSTOMER_360, "unique_customer_id", "expect_column_values_to_be_unique",
              "customer_id", true, "0"))),
      // product domain: the inventory snapshot has failed for two days, so inventory is stale.
      new Pipeline(job("product-platform", "inventory.snapshot", "AIRFLOW", "TASK"), hours(6), minutes(30),
          minutes(2), minutes(12), List.of(STOCK_LEVELS, ORDERS), List.of(INVENTORY),
          age -> age <= 8
              ? failed("Connection refused: warehouse-db.internal:5432")
              : wrote(output(INVENTORY, 48_000, Map.of("sku", 0L, "warehouse_id", 0L)))),
      // product domain: the catalog is published daily; its latest validation found non-positive prices.
      new Pipeline(job("product-platform", "catalog.publish", "SPARK", "JOB"), hours(24), hours(3), minutes(5),
          minutes(25), List.of(PIM_PRODUCTS), List.of(CATALOG),
          age -> wrote(output(CATALOG, 52_000, Map.of("sku", 0L, "price", 0L)))),
      new Pipeline(job("product-platform", "catalog.validate", "GREAT_EXPECTATIONS", "TEST"), hours(24),
          minutes(150), minutes(1), minutes(3), List.of(CATALOG), List.of(),
          age -> validated(
              assertion(CATALOG, "price_positive", "expect_column_values_to_be_between", "price", age > 0,
                  age > 0 ? "0" : "37"),
              assertion(CATALOG, "sku_unique", "expect_column_values_to_be_unique", "sku", true, "0"))),
      // marketing domain: attribution reads two other domains' products; its last run left channel 12% null.
      new Pipeline(job("marketing-analytics", "attribution.daily", "DBT", "MODEL"), hours(24), hours(5),
          minutes(4), minutes(35), List.of(CUSTOMER_360, ORDERS, AD_CLICKS), List.of(ATTRIBUTION),
          age -> wrote(output(ATTRIBUTION, 310_000,
              Map.of("campaign_id", 0L, "channel", age == 0 ? 37_200L : 3_100L)))),
      // Consumers that publish no product of their own.
      new Pipeline(job("marketing-analytics", "email_audience.refresh", "AIRFLOW", "TASK"), hours(12), hours(2),
          minutes(1), minutes(6), List.of(CUSTOMER_360), List.of(EMAIL_AUDIENCE),
          age -> wrote(output(EMAIL_AUDIENCE, 900_000, Map.of()))),
      new Pipeline(job("marketing-analytics", "budget.optimizer", "AIRFLOW", "TASK"), hours(24), hours(7),
          minutes(2), minutes(14), List.of(ATTRIBUTION), List.of(BUDGET),
          age -> wrote(output(BUDGET, 1_200, Map.of()))),
      new Pipeline(job("finance-reporting", "revenue.report", "DBT", "MODEL"), hours(24), hours(6), minutes(3),
          minutes(9), List.of(ORDERS), List.of(DAILY_REVENUE),
          age -> wrote(output(DAILY_REVENUE, 365, Map.of()))),
      new Pipeline(job("order-platform", "fulfilment.plan", "AIRFLOW", "TASK"), hours(6), minutes(45),
          minutes(2), minutes(7), List.of(INVENTORY), List.of(FULFILMENT_PLAN),
          age -> wrote(output(FULFILMENT_PLAN, 8_400, Map.of()))));

  private DemoMesh() {}

  /** Every run of the history, in the order they ended. */
  public static List<DemoRun> history(Instant now) {
    List<DemoRun> runs = new ArrayList<>();
    PIPELINES.forEach(p -> runs.addAll(p.history(now, HISTORY)));
    runs.sort(Comparator.comparing(DemoRun::endedAt).thenComparing(r -> r.job().name()));
    return runs;
  }

  /** One run of every pipeline, ending now: the mesh keeps running as its newest runs did. */
  public static List<DemoRun> live(Instant now) {
    return PIPELINES.stream().map(p -> p.live(now)).toList();
  }

  /**
   * An event of {@code finance-reporting/ledger.export}, a cron script with its own emitter: its {@code eventTime}
   * has no UTC offset, which the OpenLineage spec requires, so Watershed rejects it.
   */
  public static String misconfiguredEvent(Instant now) {
    String localTime = LocalDateTime.ofInstant(now, ZoneOffset.UTC).toString();
    UUID runId = UUID.nameUUIDFromBytes(("ledger.export@" + now).getBytes(StandardCharsets.UTF_8));
    return """
        {"eventType": "COMPLETE", "eventTime": "%s",
         "producer": "https://example.com/watershed-demo/legacy-cron",
         "schemaURL": "https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent",
         "run": {"runId": "%s"},
         "job": {"namespace": "finance-reporting", "name": "ledger.export"},
         "inputs": [{"namespace": "%s", "name": "%s"}], "outputs": []}
        """.formatted(localTime, runId, ORDERS.namespace(), ORDERS.name());
  }

  private static DemoJob job(String namespace, String name, String integration, String jobType) {
    return new DemoJob(namespace, name, integration, jobType);
  }

  private static DemoRun.Output output(DemoDataset dataset, long rows, Map<String, Long> nulls) {
    return new DemoRun.Output(dataset, rows, nulls);
  }

  private static AssertionAbout assertion(
      DemoDataset dataset, String name, String assertion, String column, boolean success, String actual) {
    return new AssertionAbout(dataset, new DemoRun.Assertion(name, assertion, column, success, actual));
  }

  private static Duration minutes(long m) {
    return Duration.ofMinutes(m);
  }

  private static Duration hours(long h) {
    return Duration.ofHours(h);
  }
}
