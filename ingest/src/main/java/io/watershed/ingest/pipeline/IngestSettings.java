package io.watershed.ingest.pipeline;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Ingest limits and the group-commit knobs. All documented in docs/configuration.md. */
@ConfigurationProperties("watershed.ingest")
public class IngestSettings {

  /** Most events written in one Neo4j transaction. */
  private int maxTransactionEvents = 500;

  /** Longest an event waits for others to share its transaction. */
  private Duration maxTransactionWait = Duration.ofMillis(5);

  /** A transaction stops waiting for more events once none arrived for this long; 0 = wait max-transaction-wait. */
  private Duration transactionQuietPeriod = Duration.ofMillis(1);

  /** Events accepted but not yet committed; beyond it requests get 503 with Retry-After. */
  private int queueCapacity = 50_000;

  /** Most events in one request to the batch endpoint. */
  private int maxBatchEvents = 5_000;

  /** Largest body after gzip decompression, in bytes (the compressed size is capped by micronaut.server.max-request-size). */
  private long maxDecompressedBytes = 64L * 1024 * 1024;

  /** How long a request waits for its events to commit before answering 503. */
  private Duration commitTimeout = Duration.ofSeconds(30);

  /** Accepted API keys (Authorization: Bearer key). Empty = no authentication. From env, never from code. */
  private List<String> apiKeys = new ArrayList<>();

  public int getMaxTransactionEvents() {
    return maxTransactionEvents;
  }

  public void setMaxTransactionEvents(int maxTransactionEvents) {
    this.maxTransactionEvents = maxTransactionEvents;
  }

  public Duration getMaxTransactionWait() {
    return maxTransactionWait;
  }

  public void setMaxTransactionWait(Duration maxTransactionWait) {
    this.maxTransactionWait = maxTransactionWait;
  }

  public Duration getTransactionQuietPeriod() {
    return transactionQuietPeriod;
  }

  public void setTransactionQuietPeriod(Duration transactionQuietPeriod) {
    this.transactionQuietPeriod = transactionQuietPeriod;
  }

  public int getQueueCapacity() {
    return queueCapacity;
  }

  public void setQueueCapacity(int queueCapacity) {
    this.queueCapacity = queueCapacity;
  }

  public int getMaxBatchEvents() {
    return maxBatchEvents;
  }

  public void setMaxBatchEvents(int maxBatchEvents) {
    this.maxBatchEvents = maxBatchEvents;
  }

  public long getMaxDecompressedBytes() {
    return maxDecompressedBytes;
  }

  public void setMaxDecompressedBytes(long maxDecompressedBytes) {
    this.maxDecompressedBytes = maxDecompressedBytes;
  }

  public Duration getCommitTimeout() {
    return commitTimeout;
  }

  public void setCommitTimeout(Duration commitTimeout) {
    this.commitTimeout = commitTimeout;
  }

  public List<String> getApiKeys() {
    return apiKeys;
  }

  public void setApiKeys(List<String> apiKeys) {
    this.apiKeys = apiKeys == null ? new ArrayList<>() : apiKeys.stream().filter(k -> !k.isBlank()).toList();
  }

  @Override
  public String toString() {
    return "IngestSettings[maxTransactionEvents=" + maxTransactionEvents + ", apiKeys=" + apiKeys.size() + " configured]";
  }
}
