package io.watershed.bench.mesh;

import java.util.List;

/**
 * A generated data mesh: pipelines of jobs over datasets. Jobs are listed in an order where every job comes after
 * the jobs whose outputs it reads, so emitting one cycle in this order is a plausible schedule.
 */
public record Mesh(
    MeshSpec spec, List<String> domains, List<PipelineDef> pipelines, List<JobDef> jobs, List<DatasetDef> datasets) {

  public Mesh {
    domains = List.copyOf(domains);
    pipelines = List.copyOf(pipelines);
    jobs = List.copyOf(jobs);
    datasets = List.copyOf(datasets);
  }

  /** Datasets read from operational databases: where lineage starts. */
  public List<DatasetDef> sources() {
    return datasets.stream().filter(DatasetDef::source).toList();
  }
}
