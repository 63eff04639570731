// Natural keys of the provenance graph; each constraint also gives MERGE its index.
CREATE CONSTRAINT namespace_key IF NOT EXISTS FOR (n:Namespace) REQUIRE n.name IS UNIQUE;
CREATE CONSTRAINT job_key IF NOT EXISTS FOR (j:Job) REQUIRE (j.namespace, j.name) IS UNIQUE;
CREATE CONSTRAINT run_key IF NOT EXISTS FOR (r:Run) REQUIRE r.runId IS UNIQUE;
CREATE CONSTRAINT dataset_key IF NOT EXISTS FOR (d:Dataset) REQUIRE (d.namespace, d.name) IS UNIQUE;
CREATE CONSTRAINT dataset_version_key IF NOT EXISTS FOR (v:DatasetVersion) REQUIRE v.versionId IS UNIQUE;
CREATE CONSTRAINT field_key IF NOT EXISTS FOR (f:Field) REQUIRE (f.namespace, f.dataset, f.name) IS UNIQUE;
CREATE CONSTRAINT owner_key IF NOT EXISTS FOR (o:Owner) REQUIRE o.name IS UNIQUE;
CREATE CONSTRAINT quality_facet_key IF NOT EXISTS FOR (q:QualityFacet) REQUIRE q.id IS UNIQUE;
CREATE CONSTRAINT event_key IF NOT EXISTS FOR (e:Event) REQUIRE e.eventId IS UNIQUE;
