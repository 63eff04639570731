// Lookups that are not by key: a job's runs, a run's raw events, quality facets by time, stale datasets.
CREATE INDEX run_job IF NOT EXISTS FOR (r:Run) ON (r.jobNamespace, r.jobName);
CREATE INDEX run_state_time IF NOT EXISTS FOR (r:Run) ON (r.stateTime);
CREATE INDEX event_run IF NOT EXISTS FOR (e:Event) ON (e.runId);
CREATE INDEX event_time IF NOT EXISTS FOR (e:Event) ON (e.eventTime);
CREATE INDEX dataset_last_modified IF NOT EXISTS FOR (d:Dataset) ON (d.lastModifiedAt);
CREATE INDEX quality_facet_dataset IF NOT EXISTS FOR (q:QualityFacet) ON (q.namespace, q.name);
CREATE INDEX dataset_version_dataset IF NOT EXISTS FOR (v:DatasetVersion) ON (v.namespace, v.name);
