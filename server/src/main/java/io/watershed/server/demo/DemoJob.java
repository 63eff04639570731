package io.watershed.server.demo;

/**
 * A job of the demo mesh and how its integration describes it ({@code jobType} facet).
 *
 * @param integration the OpenLineage integration that would report it ({@code AIRFLOW}, {@code SPARK}, {@code DBT},
 *     {@code GREAT_EXPECTATIONS}); it also picks the event's producer URI
 * @param jobType {@code TASK}, {@code JOB}, {@code MODEL}, or {@code TEST} for validation jobs (not consumers)
 */
public record DemoJob(String namespace, String name, String integration, String jobType) {}
