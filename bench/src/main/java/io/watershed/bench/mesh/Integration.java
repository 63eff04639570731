package io.watershed.bench.mesh;

import java.util.Locale;

/** What runs a pipeline, with the values its OpenLineage integration reports. */
public enum Integration {
  AIRFLOW("AIRFLOW", "TASK", "Airflow", "2.10.4", "1.14.0"),
  SPARK("SPARK", "JOB", "spark", "3.5.3", "1.55.0"),
  DBT("DBT", "MODEL", "dbt", "1.9.1", "1.55.0");

  private final String integration;
  private final String jobType;
  private final String engine;
  private final String engineVersion;
  private final String adapterVersion;

  Integration(String integration, String jobType, String engine, String engineVersion, String adapterVersion) {
    this.integration = integration;
    this.jobType = jobType;
    this.engine = engine;
    this.engineVersion = engineVersion;
    this.adapterVersion = adapterVersion;
  }

  /** The {@code jobType.integration} value. */
  public String integration() {
    return integration;
  }

  /** The {@code jobType.jobType} value of the pipeline's jobs. */
  public String jobType() {
    return jobType;
  }

  public String engine() {
    return engine;
  }

  public String engineVersion() {
    return engineVersion;
  }

  public String adapterVersion() {
    return adapterVersion;
  }

  /** Job namespace of a domain's pipelines on this integration, e.g. {@code airflow-order}. */
  public String jobNamespace(String domain) {
    return name().toLowerCase(Locale.ROOT) + "-" + domain;
  }
}
