// Natural keys of data products, their contracts, SLO history and quality results.
CREATE CONSTRAINT data_product_key IF NOT EXISTS FOR (p:DataProduct) REQUIRE p.name IS UNIQUE;
CREATE CONSTRAINT domain_key IF NOT EXISTS FOR (d:Domain) REQUIRE d.name IS UNIQUE;
CREATE CONSTRAINT contract_version_key IF NOT EXISTS FOR (v:ContractVersion) REQUIRE (v.product, v.version) IS UNIQUE;
CREATE CONSTRAINT slo_interval_key IF NOT EXISTS FOR (i:SloInterval) REQUIRE (i.product, i.from) IS UNIQUE;
CREATE CONSTRAINT check_result_key IF NOT EXISTS FOR (r:CheckResult) REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT quality_metric_key IF NOT EXISTS FOR (m:QualityMetric) REQUIRE m.id IS UNIQUE;
// The scheduler asks for products whose freshness deadline passed; the latest result of a check per dataset;
// the latest metric per dataset and column.
CREATE INDEX data_product_deadline IF NOT EXISTS FOR (p:DataProduct) ON (p.nextDeadline);
CREATE INDEX check_result_lookup IF NOT EXISTS FOR (r:CheckResult) ON (r.namespace, r.name, r.check);
CREATE INDEX quality_metric_lookup IF NOT EXISTS FOR (m:QualityMetric) ON (m.namespace, m.name);
