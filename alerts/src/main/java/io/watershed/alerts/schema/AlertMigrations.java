package io.watershed.alerts.schema;

import io.watershed.graph.schema.MigrationSet;
import jakarta.inject.Singleton;
import java.util.List;

/** Constraints and indexes of the alerts module's labels (Change, Alert, AlertSeries, Notification, Silence). */
@Singleton
public class AlertMigrations implements MigrationSet {

  @Override
  public String module() {
    return "alerts";
  }

  @Override
  public List<String> scripts() {
    return List.of("db/migration/alerts/V001__alert_keys.cypher");
  }
}
