// Keys of the alerts module's nodes; each constraint also gives MERGE its index.
CREATE CONSTRAINT change_key IF NOT EXISTS FOR (c:Change) REQUIRE c.id IS UNIQUE;
CREATE CONSTRAINT alert_key IF NOT EXISTS FOR (a:Alert) REQUIRE a.id IS UNIQUE;
CREATE CONSTRAINT alert_series_key IF NOT EXISTS FOR (s:AlertSeries) REQUIRE s.fingerprint IS UNIQUE;
CREATE CONSTRAINT notification_key IF NOT EXISTS FOR (n:Notification) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT silence_key IF NOT EXISTS FOR (s:Silence) REQUIRE s.id IS UNIQUE;
// Lookups: open changes by subject and by fingerprint, alerts of a root cause or product, due work.
CREATE INDEX change_status IF NOT EXISTS FOR (c:Change) ON (c.status);
CREATE INDEX change_subject IF NOT EXISTS FOR (c:Change) ON (c.subject);
CREATE INDEX change_fingerprint IF NOT EXISTS FOR (c:Change) ON (c.fingerprint);
CREATE INDEX alert_fingerprint IF NOT EXISTS FOR (a:Alert) ON (a.fingerprint, a.state);
CREATE INDEX alert_product IF NOT EXISTS FOR (a:Alert) ON (a.product);
CREATE INDEX alert_state IF NOT EXISTS FOR (a:Alert) ON (a.state);
CREATE INDEX alert_series_due IF NOT EXISTS FOR (s:AlertSeries) ON (s.needsPlanAt);
CREATE INDEX notification_due IF NOT EXISTS FOR (n:Notification) ON (n.nextAttemptAt);
CREATE INDEX notification_thread IF NOT EXISTS FOR (n:Notification) ON (n.fingerprint, n.recipientKey);
CREATE INDEX notification_status IF NOT EXISTS FOR (n:Notification) ON (n.status);
CREATE INDEX silence_ends IF NOT EXISTS FOR (s:Silence) ON (s.endsAt);
