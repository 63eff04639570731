package io.watershed.bench.mesh;

import io.watershed.bench.mesh.Store.LogicalType;
import java.util.List;

/** Names the generator draws from: domains with their operational tables, columns, metrics and pipeline themes. */
final class Vocabulary {

  private Vocabulary() {}

  record DomainWords(String name, List<String> tables) {}

  static final List<DomainWords> DOMAINS =
      List.of(
          new DomainWords("customer", List.of("customers", "addresses", "consents", "segments")),
          new DomainWords("order", List.of("orders", "order_items", "returns", "carts")),
          new DomainWords("product", List.of("products", "categories", "prices", "reviews")),
          new DomainWords("marketing", List.of("campaigns", "clicks", "impressions", "leads")),
          new DomainWords("finance", List.of("invoices", "payments", "ledger_entries", "refunds")),
          new DomainWords("inventory", List.of("stock_levels", "warehouses", "movements", "suppliers")),
          new DomainWords("shipping", List.of("shipments", "carriers", "deliveries", "tracking_events")),
          new DomainWords("payments", List.of("transactions", "payment_methods", "chargebacks", "payouts")),
          new DomainWords("support", List.of("tickets", "agents", "conversations", "surveys")),
          new DomainWords("risk", List.of("fraud_scores", "alerts", "rules", "disputes")),
          new DomainWords("pricing", List.of("price_lists", "promotions", "competitor_prices", "elasticities")),
          new DomainWords("logistics", List.of("routes", "vehicles", "depots", "stops")));

  /** Columns of operational tables; the shared keys make joins across tables and domains plausible. */
  static final List<FieldDef> COLUMNS =
      List.of(
          new FieldDef("id", LogicalType.KEY, "Primary key"),
          new FieldDef("customer_id", LogicalType.KEY, "Customer reference"),
          new FieldDef("order_id", LogicalType.KEY, "Order reference"),
          new FieldDef("product_id", LogicalType.KEY, "Product reference"),
          new FieldDef("account_id", LogicalType.KEY, "Billing account reference"),
          new FieldDef("session_id", LogicalType.KEY, "Web session reference"),
          new FieldDef("campaign_id", LogicalType.KEY, "Marketing campaign reference"),
          new FieldDef("warehouse_id", LogicalType.KEY, "Warehouse reference"),
          new FieldDef("created_at", LogicalType.TIMESTAMP, "Creation time (UTC)"),
          new FieldDef("updated_at", LogicalType.TIMESTAMP, "Last update time (UTC)"),
          new FieldDef("event_date", LogicalType.DATE, "Business date"),
          new FieldDef("amount", LogicalType.DECIMAL, "Amount in the row's currency"),
          new FieldDef("currency", LogicalType.TEXT, "ISO 4217 currency code"),
          new FieldDef("status", LogicalType.TEXT, "Lifecycle status"),
          new FieldDef("quantity", LogicalType.INTEGER, "Units"),
          new FieldDef("unit_price", LogicalType.DECIMAL, "Price per unit"),
          new FieldDef("discount", LogicalType.DECIMAL, "Discount applied"),
          new FieldDef("tax", LogicalType.DECIMAL, "Tax amount"),
          new FieldDef("country", LogicalType.TEXT, "ISO 3166 country code"),
          new FieldDef("region", LogicalType.TEXT, "Sales region"),
          new FieldDef("city", LogicalType.TEXT, "City"),
          new FieldDef("postal_code", LogicalType.TEXT, "Postal code"),
          new FieldDef("email", LogicalType.TEXT, "Contact e-mail (PII)"),
          new FieldDef("phone", LogicalType.TEXT, "Contact phone (PII)"),
          new FieldDef("channel", LogicalType.TEXT, "Sales or contact channel"),
          new FieldDef("segment", LogicalType.TEXT, "Customer segment"),
          new FieldDef("score", LogicalType.DECIMAL, "Model score"),
          new FieldDef("sku", LogicalType.TEXT, "Stock keeping unit"),
          new FieldDef("category", LogicalType.TEXT, "Product category"),
          new FieldDef("brand", LogicalType.TEXT, "Brand"),
          new FieldDef("is_active", LogicalType.BOOLEAN, "Active flag"),
          new FieldDef("is_test", LogicalType.BOOLEAN, "Test data flag"),
          new FieldDef("source_system", LogicalType.TEXT, "System of record"),
          new FieldDef("device", LogicalType.TEXT, "Device type"),
          new FieldDef("language", LogicalType.TEXT, "Language code"),
          new FieldDef("priority", LogicalType.INTEGER, "Priority"),
          new FieldDef("duration_seconds", LogicalType.INTEGER, "Duration in seconds"),
          new FieldDef("weight_kg", LogicalType.DECIMAL, "Weight in kilograms"),
          new FieldDef("cost", LogicalType.DECIMAL, "Cost"),
          new FieldDef("revenue", LogicalType.DECIMAL, "Revenue"));

  /** Columns computed by aggregation in downstream jobs. */
  static final List<FieldDef> METRICS =
      List.of(
          new FieldDef("total_amount", LogicalType.DECIMAL, "Sum of amounts"),
          new FieldDef("row_count", LogicalType.INTEGER, "Rows aggregated"),
          new FieldDef("avg_unit_price", LogicalType.DECIMAL, "Average unit price"),
          new FieldDef("distinct_customers", LogicalType.INTEGER, "Distinct customers"),
          new FieldDef("first_seen_at", LogicalType.TIMESTAMP, "Earliest timestamp"),
          new FieldDef("last_seen_at", LogicalType.TIMESTAMP, "Latest timestamp"),
          new FieldDef("total_quantity", LogicalType.INTEGER, "Sum of units"),
          new FieldDef("net_revenue", LogicalType.DECIMAL, "Revenue net of discounts and tax"),
          new FieldDef("gross_margin", LogicalType.DECIMAL, "Revenue minus cost"),
          new FieldDef("conversion_rate", LogicalType.DECIMAL, "Share of sessions that converted"));

  static final List<String> PIPELINE_THEMES =
      List.of("daily_load", "revenue", "customer_360", "funnel", "reconciliation", "forecast", "quality", "snapshot");

  /** Step names by position in a pipeline (the last step publishes the domain's data product). */
  static final List<String> STEPS = List.of("extract", "clean", "conform", "enrich", "join", "aggregate", "score");
}
