package io.watershed.alerts.alert;

/** How a product is hit by a problem. */
public enum AlertRole {
  /**
   * The product itself is broken: its own dataset changed or failed its checks, the failed job writes it, or it is
   * out of its SLO because of the problem. Its owners get a FIRING notification.
   */
  DIRECT,
  /**
   * The problem is upstream of what the product reads (a job or more away). Its owners get an UPSTREAM AT RISK
   * notice, escalated to FIRING if the product then leaves its SLO.
   */
  AT_RISK
}
