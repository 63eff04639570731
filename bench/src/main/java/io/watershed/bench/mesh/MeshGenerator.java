package io.watershed.bench.mesh;

import io.watershed.bench.mesh.Vocabulary.DomainWords;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

/**
 * Builds a {@link Mesh} from a {@link MeshSpec}. Every choice comes from one {@link SplittableRandom} seeded with
 * the spec's seed and consumed in a fixed order, so the same spec always yields the same mesh.
 *
 * <p>Shape: each domain has an operational database with four tables. Each pipeline of a domain is a chain of jobs:
 * step 0 extracts 2-4 source tables to the lake, step k reads the output of step k-1 plus 1-3 other datasets (its
 * domain's tables, earlier steps, or data products published by earlier pipelines, often of other domains), and the
 * last step publishes the pipeline's data product to the warehouse. Lineage is therefore multi-level within a
 * pipeline and crosses domains through the products.
 */
public final class MeshGenerator {

  private static final int MIN_FIELDS = 5;
  private static final int MAX_FIELDS = 15;

  private final MeshSpec spec;
  private final SplittableRandom rng;
  private final List<DatasetDef> datasets = new ArrayList<>();
  private final List<PipelineDef> pipelines = new ArrayList<>();
  private final List<JobDef> jobs = new ArrayList<>();
  /** Data products published so far; later pipelines (of any domain) may read them. */
  private final List<DatasetDef> products = new ArrayList<>();

  private MeshGenerator(MeshSpec spec) {
    this.spec = spec;
    this.rng = new SplittableRandom(spec.seed());
  }

  public static Mesh generate(MeshSpec spec) {
    return new MeshGenerator(spec).build();
  }

  private Mesh build() {
    List<String> domains = new ArrayList<>();
    for (int d = 0; d < spec.domains(); d++) {
      DomainWords words = Vocabulary.DOMAINS.get(d % Vocabulary.DOMAINS.size());
      // Past the named domains, repeat them with a suffix: "customer2", "order2"...
      String domain = d < Vocabulary.DOMAINS.size() ? words.name() : words.name() + (d / Vocabulary.DOMAINS.size() + 1);
      domains.add(domain);
      List<DatasetDef> sources = sourceTables(domain, words);
      datasets.addAll(sources);
      for (int p = 0; p < spec.pipelinesPerDomain(); p++) {
        pipeline(domain, p, sources);
      }
    }
    return new Mesh(spec, domains, pipelines, jobs, datasets);
  }

  private List<DatasetDef> sourceTables(String domain, DomainWords words) {
    Store db = rng.nextInt(3) == 0 ? Store.MYSQL : Store.POSTGRES;
    List<DatasetDef> out = new ArrayList<>();
    for (String table : words.tables()) {
      // Table names as the SQL integrations report them: database.schema.table (MySQL has no schema level).
      String name = db == Store.POSTGRES ? domain + ".public." + table : domain + "." + table;
      out.add(new DatasetDef(domain, db, db.namespace(domain), name, sourceColumns(), true));
    }
    return out;
  }

  private List<FieldDef> sourceColumns() {
    List<FieldDef> pool = new ArrayList<>(Vocabulary.COLUMNS.subList(1, Vocabulary.COLUMNS.size()));
    shuffle(pool);
    int n = between(MIN_FIELDS, MAX_FIELDS);
    List<FieldDef> fields = new ArrayList<>();
    fields.add(Vocabulary.COLUMNS.get(0));
    fields.addAll(pool.subList(0, n - 1));
    return fields;
  }

  private void pipeline(String domain, int p, List<DatasetDef> sources) {
    Integration integration = Integration.values()[rng.nextInt(Integration.values().length)];
    String theme = Vocabulary.PIPELINE_THEMES.get(p % Vocabulary.PIPELINE_THEMES.size());
    int round = p / Vocabulary.PIPELINE_THEMES.size();
    String name = domain + "_" + theme + (round == 0 ? "" : "_" + (round + 1));
    PipelineDef pipeline = new PipelineDef(pipelines.size(), domain, integration.jobNamespace(domain), name, integration);
    pipelines.add(pipeline);

    List<DatasetDef> steps = new ArrayList<>();
    int last = spec.jobsPerPipeline() - 1;
    for (int s = 0; s <= last; s++) {
      List<DatasetDef> inputs = s == 0 ? pickDistinct(sources, between(2, 4)) : inputsOfStep(steps, sources);
      String step = s == last ? "publish" : stepName(s);
      Store store = s == last ? Store.WAREHOUSE : s == 0 || integration == Integration.SPARK ? Store.LAKE : Store.WAREHOUSE;
      String outputName =
          store == Store.LAKE
              ? (s == 0 ? "raw/" : "curated/") + domain + "/" + name + "/" + step
              : "analytics-prod." + domain + (s == last ? "_mart." : "_staging.") + name + "_" + step;
      Map<String, List<ColumnSource>> lineage = new LinkedHashMap<>();
      List<FieldDef> fields = outputColumns(inputs, s > 0, lineage);
      DatasetDef output = new DatasetDef(domain, store, store.namespace(domain), outputName, fields, false);
      datasets.add(output);
      steps.add(output);
      String sql = integration == Integration.SPARK ? null : sql(output, inputs);
      jobs.add(new JobDef(jobs.size(), pipeline, s, name + "." + step, inputs, output, lineage, sql));
    }
    products.add(steps.get(last));
  }

  private static String stepName(int s) {
    int named = Vocabulary.STEPS.size();
    return s < named ? Vocabulary.STEPS.get(s) : Vocabulary.STEPS.get(s % named) + "_" + (s / named + 1);
  }

  /** The previous step's output, plus 1-3 of: the domain's tables, earlier steps, published products. */
  private List<DatasetDef> inputsOfStep(List<DatasetDef> steps, List<DatasetDef> sources) {
    List<DatasetDef> inputs = new ArrayList<>();
    inputs.add(steps.get(steps.size() - 1));
    int wanted = between(2, 4);
    List<DatasetDef> earlier = steps.subList(0, steps.size() - 1);
    // Bounded: a few draws may collide with inputs already chosen; the job then simply reads fewer datasets.
    for (int attempt = 0; attempt < 12 && inputs.size() < wanted; attempt++) {
      int r = rng.nextInt(10);
      List<DatasetDef> pool = r < 4 || (r < 7 && earlier.isEmpty()) || (r >= 7 && products.isEmpty())
          ? sources
          : r < 7 ? earlier : products;
      DatasetDef candidate = pool.get(rng.nextInt(pool.size()));
      if (!inputs.contains(candidate)) {
        inputs.add(candidate);
      }
    }
    return inputs;
  }

  /**
   * The output schema: columns copied from the inputs (identity lineage to every input that has them, at most two)
   * and, after step 0, a few metrics aggregated from random input columns.
   */
  private List<FieldDef> outputColumns(
      List<DatasetDef> inputs, boolean withMetrics, Map<String, List<ColumnSource>> lineage) {
    Map<String, List<DatasetDef>> byName = new LinkedHashMap<>();
    Map<String, FieldDef> firstDef = new LinkedHashMap<>();
    for (DatasetDef in : inputs) {
      for (FieldDef f : in.fields()) {
        byName.computeIfAbsent(f.name(), k -> new ArrayList<>()).add(in);
        firstDef.putIfAbsent(f.name(), f);
      }
    }
    int n = between(MIN_FIELDS, MAX_FIELDS);
    int metrics = withMetrics ? between(1, 3) : 0;
    int copied = Math.min(n - metrics, byName.size());
    metrics = Math.min(n - copied, Vocabulary.METRICS.size());

    List<String> names = new ArrayList<>(byName.keySet());
    shuffle(names);
    List<String> chosen = names.subList(0, copied);
    List<FieldDef> fields = new ArrayList<>();
    // Keep the inputs' column order, which reads like a real SELECT list.
    for (String name : byName.keySet()) {
      if (!chosen.contains(name)) {
        continue;
      }
      fields.add(firstDef.get(name));
      List<ColumnSource> from = new ArrayList<>();
      for (DatasetDef in : byName.get(name).subList(0, Math.min(2, byName.get(name).size()))) {
        from.add(new ColumnSource(in, name, "DIRECT", "IDENTITY"));
      }
      lineage.put(name, from);
    }
    List<FieldDef> metricPool = new ArrayList<>(Vocabulary.METRICS);
    metricPool.removeIf(m -> lineage.containsKey(m.name()));
    shuffle(metricPool);
    for (FieldDef metric : metricPool.subList(0, Math.min(metrics, metricPool.size()))) {
      fields.add(metric);
      List<ColumnSource> from = new ArrayList<>();
      int sourceCount = between(1, 2);
      for (int i = 0; i < sourceCount; i++) {
        DatasetDef in = inputs.get(rng.nextInt(inputs.size()));
        FieldDef f = in.fields().get(rng.nextInt(in.fields().size()));
        ColumnSource source = new ColumnSource(in, f.name(), "DIRECT", "AGGREGATION");
        if (!from.contains(source)) {
          from.add(source);
        }
      }
      lineage.put(metric.name(), from);
    }
    return fields;
  }

  private static String sql(DatasetDef output, List<DatasetDef> inputs) {
    String select = output.fields().stream().map(FieldDef::name).collect(Collectors.joining(", "));
    StringBuilder sql = new StringBuilder("INSERT INTO ").append(output.name()).append('\n');
    sql.append("SELECT ").append(select).append('\n');
    sql.append("FROM ").append(inputs.get(0).name()).append(" t0");
    for (int i = 1; i < inputs.size(); i++) {
      sql.append("\nLEFT JOIN ").append(inputs.get(i).name()).append(" t").append(i).append(" USING (id)");
    }
    return sql.toString();
  }

  private List<DatasetDef> pickDistinct(List<DatasetDef> from, int count) {
    List<DatasetDef> copy = new ArrayList<>(from);
    shuffle(copy);
    return new ArrayList<>(copy.subList(0, Math.min(count, copy.size())));
  }

  private int between(int min, int max) {
    return min + rng.nextInt(max - min + 1);
  }

  /** Fisher-Yates with the generator's own random source (Collections.shuffle would need a java.util.Random). */
  private <T> void shuffle(List<T> list) {
    for (int i = list.size() - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      T t = list.get(i);
      list.set(i, list.get(j));
      list.set(j, t);
    }
  }
}
