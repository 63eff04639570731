// History in time order: a dataset's versions and a job's runs by time, so "the version before this one" and "the
// first completion since" are index seeks instead of scans of every version or run (they grow with every run).
CREATE INDEX dataset_version_history IF NOT EXISTS FOR (v:DatasetVersion) ON (v.namespace, v.name, v.createdAt);
CREATE INDEX run_job_history IF NOT EXISTS FOR (r:Run) ON (r.jobNamespace, r.jobName, r.stateTime);
