package io.watershed.alerts.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.watershed.alerts.alert.Alert;
import io.watershed.alerts.alert.AlertEngine;
import io.watershed.alerts.alert.AlertState;
import io.watershed.alerts.alert.AlertStore;
import io.watershed.alerts.api.ApiViews.AckRequest;
import io.watershed.alerts.api.ApiViews.AlertList;
import io.watershed.alerts.api.ApiViews.AlertView;
import io.watershed.alerts.api.ApiViews.NotificationList;
import io.watershed.alerts.api.ApiViews.NotificationView;
import io.watershed.alerts.delivery.OutboxStore;
import java.util.List;

/**
 * Alerts and their notifications: {@code GET /api/v1/alerts}, {@code GET /api/v1/alerts/{id}},
 * {@code POST /api/v1/alerts/{id}/ack}, and the outbox as {@code GET /api/v1/notifications}.
 */
@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
public class AlertController {

  private final AlertStore alerts;
  private final AlertEngine engine;
  private final OutboxStore outbox;

  public AlertController(AlertStore alerts, AlertEngine engine, OutboxStore outbox) {
    this.alerts = alerts;
    this.engine = engine;
    this.outbox = outbox;
  }

  /**
   * @param state {@code firing} (default), {@code resolved} or {@code all}
   * @param product only alerts of this data product
   * @param fingerprint only alerts of this root cause (the link in every notification uses it)
   */
  @Get("/alerts")
  public AlertList list(
      @Nullable @QueryValue String state,
      @Nullable @QueryValue String product,
      @Nullable @QueryValue String fingerprint,
      @Nullable @QueryValue Integer limit,
      @Nullable @QueryValue Integer offset) {
    AlertState wanted = "all".equalsIgnoreCase(state == null ? "" : state.strip())
        ? null
        : state == null || state.isBlank() ? AlertState.FIRING : Params.enumValue("state", state, AlertState.class);
    int l = Params.limit(limit);
    int o = Params.offset(offset);
    List<AlertView> views = alerts.list(wanted, Params.optional(product), Params.optional(fingerprint), o, l).stream()
        .map(a -> AlertView.of(a, null))
        .toList();
    return new AlertList(views, l, o);
  }

  /** One alert with its notifications. */
  @Get("/alerts/{id}")
  public AlertView get(@PathVariable String id) {
    Alert alert = alerts.get(id).orElseThrow(() -> new ResourceNotFoundException("alert", id));
    return AlertView.of(alert, notificationsOf(id));
  }

  /**
   * Acknowledges an alert: someone is on it. Escalation notices stop; the RESOLVED notice still comes. For a
   * breaking schema change or a dropped, renamed or truncated dataset, acknowledging also resolves the alert.
   */
  @Post("/alerts/{id}/ack")
  public AlertView acknowledge(@PathVariable String id, @Nullable @Body AckRequest body) {
    String by = Params.required("by", body == null ? null : body.by());
    String comment = body == null ? null : Params.optional(body.comment());
    if (comment != null && comment.length() > 1000) {
      throw new BadParameterException("comment", "must be at most 1000 characters");
    }
    Alert alert = engine.acknowledge(id, by, comment).orElseThrow(() -> new ResourceNotFoundException("alert", id));
    return AlertView.of(alert, notificationsOf(id));
  }

  /**
   * The outbox.
   *
   * @param status {@code pending}, {@code sending}, {@code delivered} or {@code dead}
   */
  @Get("/notifications")
  public NotificationList notifications(
      @Nullable @QueryValue String status,
      @Nullable @QueryValue String fingerprint,
      @Nullable @QueryValue String alertId,
      @Nullable @QueryValue Integer limit,
      @Nullable @QueryValue Integer offset) {
    OutboxStatus s = Params.enumValue("status", status, OutboxStatus.class);
    int l = Params.limit(limit);
    int o = Params.offset(offset);
    List<NotificationView> views =
        outbox.list(s == null ? null : s.name(), Params.optional(fingerprint), Params.optional(alertId), o, l).stream()
            .map(NotificationView::of)
            .toList();
    return new NotificationList(views, l, o);
  }

  private List<NotificationView> notificationsOf(String alertId) {
    return outbox.list(null, null, alertId, 0, Params.MAX_LIMIT).stream().map(NotificationView::of).toList();
  }

  /** Statuses of the outbox, for parameter checks. */
  enum OutboxStatus {
    PENDING,
    SENDING,
    DELIVERED,
    DEAD
  }
}
