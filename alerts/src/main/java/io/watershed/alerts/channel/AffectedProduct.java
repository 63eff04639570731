package io.watershed.alerts.channel;

/**
 * A data product a notification is about, as its owner knows it.
 *
 * @param name the product's name, e.g. {@code customer-360}
 * @param domain the domain it belongs to, e.g. {@code customer}
 * @param owner its owner (team or address from the contract)
 * @param state its contract state in a word or two, e.g. "stale", "failing checks", "at risk", "recovered"
 * @param reason why, for people, e.g. "orders_daily is 30h old, objective 24h"; may be null
 */
public record AffectedProduct(String name, String domain, String owner, String state, String reason) {

  public AffectedProduct {
    Checks.requireText(name, "product name", 200);
    Checks.requireText(domain, "product domain", 200);
    Checks.requireText(owner, "product owner", 320);
    Checks.requireText(state, "product state", 100);
    if (reason != null && reason.isBlank()) {
      reason = null;
    }
  }
}
