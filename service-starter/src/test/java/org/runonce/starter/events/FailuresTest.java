package org.runonce.starter.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.EOFException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;
import org.runonce.starter.domain.Refusal;
import org.runonce.starter.events.Failures.Kind;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.transaction.CannotCreateTransactionException;
import tools.jackson.core.exc.StreamReadException;

/** Which failures wait for the infrastructure, which are dead letters at once, which are retried a few times. */
class FailuresTest {

    /** As the listener container hands them to the error handler: wrapped. */
    static Exception fromListener(Throwable cause) {
        return new ListenerExecutionFailedException("Listener failed", cause);
    }

    @Test
    void theDatabaseAwayIsTransientHoweverItIsWrapped() {
        var poolTimeout = new CannotGetJdbcConnectionException(
                "Failed to obtain JDBC Connection", new SQLTransientConnectionException("timed out"));
        var noTransaction = new CannotCreateTransactionException(
                "Could not open JDBC Connection", new SQLException("Connection refused", "08001"));
        var adminShutdown = new org.springframework.jdbc.UncategorizedSQLException(
                "insert",
                "insert ...",
                new SQLException("terminating connection due to administrator command", "57P01"));
        var cutOff = new org.springframework.jdbc.UncategorizedSQLException(
                "select", "select ...", new SQLException("I/O error", "08006", new EOFException()));

        assertThat(Failures.classify(fromListener(poolTimeout))).isEqualTo(Kind.TRANSIENT);
        assertThat(Failures.classify(fromListener(noTransaction))).isEqualTo(Kind.TRANSIENT);
        assertThat(Failures.classify(fromListener(adminShutdown))).isEqualTo(Kind.TRANSIENT);
        assertThat(Failures.classify(fromListener(cutOff))).isEqualTo(Kind.TRANSIENT);
        assertThat(Failures.classify(fromListener(new QueryTimeoutException("slow"))))
                .isEqualTo(Kind.TRANSIENT);
    }

    @Test
    void aBrokerOrMailServerAwayIsTransient() {
        assertThat(Failures.classify(fromListener(new TimeoutException("metadata"))))
                .isEqualTo(Kind.TRANSIENT);
        assertThat(Failures.classify(fromListener(
                        new IllegalStateException("Mail server connection failed", new ConnectException("refused")))))
                .isEqualTo(Kind.TRANSIENT);
    }

    @Test
    void unreadableRecordsRefusalsAndParkedKeysArePoison() {
        assertThat(Failures.classify(fromListener(new StreamReadException(null, "not JSON"))))
                .isEqualTo(Kind.POISON);
        assertThat(Failures.classify(fromListener(Refusal.invalid("no such case"))))
                .isEqualTo(Kind.POISON);
        assertThat(Failures.classify(fromListener(new ParkedKeyException("parked"))))
                .isEqualTo(Kind.POISON);
    }

    @Test
    void bugsAndConstraintViolationsAreNeitherAndGetTheBoundedRetries() {
        assertThat(Failures.classify(fromListener(new IllegalArgumentException("bug"))))
                .isEqualTo(Kind.UNKNOWN);
        assertThat(Failures.classify(fromListener(new DataIntegrityViolationException("duplicate key"))))
                .isEqualTo(Kind.UNKNOWN);
        assertThat(Failures.classify(fromListener(new SQLException("syntax error", "42601"))))
                .isEqualTo(Kind.UNKNOWN);
    }
}
