package io.watershed.graph.neo4j;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.neo4j.graphdb.QueryExecutionException;
import org.neo4j.graphdb.TransientTransactionFailureException;
import org.neo4j.kernel.api.exceptions.Status;

class InProcessTransactionsTest {

  @Test
  void shouldRetryDeadlocksAndLockTimeoutsOnly() {
    assertThat(InProcessTransactions.isTransient(new TransientTransactionFailureException(Status.Transaction.LockAcquisitionTimeout, "lock timeout"))).isTrue();
    assertThat(
            InProcessTransactions.isTransient(
                new QueryExecutionException("deadlock", null, "Neo.TransientError.Transaction.DeadlockDetected")))
        .isTrue();
    assertThat(
            InProcessTransactions.isTransient(
                new RuntimeException("wrapped", new TransientTransactionFailureException(Status.Transaction.LockAcquisitionTimeout, "lock timeout"))))
        .as("found in the cause chain")
        .isTrue();
    assertThat(
            InProcessTransactions.isTransient(
                new QueryExecutionException("constraint", null, "Neo.ClientError.Schema.ConstraintValidationFailed")))
        .isFalse();
    assertThat(InProcessTransactions.isTransient(new IllegalArgumentException("bad parameter"))).isFalse();
  }
}
