/**
 * Silences with expiry: notifications of matching alerts wait until the silence ends.
 */
package io.watershed.alerts.silence;
