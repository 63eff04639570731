package io.watershed.bench.mesh;

/**
 * A pipeline (an Airflow DAG, a Spark application or a dbt project): the parent job of its jobs' runs.
 *
 * @param index position in {@link Mesh#pipelines()}, used to derive the pipeline's run ids
 */
public record PipelineDef(int index, String domain, String namespace, String name, Integration integration) {}
