package io.watershed.bench.mesh;

import java.time.Duration;
import java.time.Instant;

/**
 * The shape of a synthetic data mesh. Everything generated from it is a pure function of these values, so two runs
 * with the same spec produce byte-identical events.
 *
 * @param seed drives every random choice (topology, schemas, run times, run ids)
 * @param domains number of domains (customer, order, product...), each with its own source database
 * @param pipelinesPerDomain pipelines (DAGs) per domain
 * @param jobsPerPipeline jobs per pipeline; job k reads the output of job k-1, so lineage is at least this deep
 * @param start nominal start of the first schedule cycle
 * @param cycle schedule interval: every job runs once per cycle
 */
public record MeshSpec(
    long seed, int domains, int pipelinesPerDomain, int jobsPerPipeline, Instant start, Duration cycle) {

  public static final Instant DEFAULT_START = Instant.parse("2026-01-01T00:00:00Z");

  public MeshSpec {
    requireRange("domains", domains, 1, 200);
    requireRange("pipelinesPerDomain", pipelinesPerDomain, 1, 100);
    requireRange("jobsPerPipeline", jobsPerPipeline, 1, 50);
    if (start == null) {
      throw new IllegalArgumentException("start is required");
    }
    if (cycle == null || cycle.isNegative() || cycle.isZero()) {
      throw new IllegalArgumentException("cycle must be positive");
    }
  }

  /** 10 domains x 5 pipelines x 6 jobs: 300 jobs, 600 events per hourly cycle. */
  public static MeshSpec defaults(long seed) {
    return new MeshSpec(seed, 10, 5, 6, DEFAULT_START, Duration.ofHours(1));
  }

  public int jobCount() {
    return domains * pipelinesPerDomain * jobsPerPipeline;
  }

  private static void requireRange(String name, int value, int min, int max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ": " + value);
    }
  }
}
