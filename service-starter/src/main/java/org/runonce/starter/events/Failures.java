package org.runonce.starter.events;

import java.io.EOFException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import org.apache.kafka.common.errors.RetriableException;
import org.runonce.starter.domain.Refusal;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.NonTransientDataAccessResourceException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import tools.jackson.core.JacksonException;

/**
 * Sorts what a consumer threw into the three cases the error handler treats differently.
 *
 * <ul>
 *   <li>{@link Kind#TRANSIENT}: the infrastructure is away (database, broker, mail server, a connection refused or
 *       reset). Nothing is wrong with the record; it is retried until the infrastructure is back, however long that
 *       takes. Dead-lettering it would lose its place in the order of its aggregate.
 *   <li>{@link Kind#POISON}: the record itself can never be processed (unreadable JSON, a refusal by the domain, a key
 *       parked behind an earlier dead letter). Retrying cannot help: straight to the dead-letter topic (or parked).
 *   <li>{@link Kind#UNKNOWN}: anything else, e.g. a bug. Retried a few times ({@code runonce.events.consumer-retries}),
 *       then dead-lettered.
 * </ul>
 *
 * The whole cause chain is looked at: JDBC and Spring wrap the socket error several times.
 */
final class Failures {

    /** How a failure is handled. */
    enum Kind {
        TRANSIENT,
        POISON,
        UNKNOWN
    }

    private Failures() {}

    static Kind classify(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ParkedKeyException || t instanceof JacksonException || t instanceof Refusal) {
                return Kind.POISON;
            }
            if (isTransient(t)) {
                return Kind.TRANSIENT;
            }
        }
        return Kind.UNKNOWN;
    }

    static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (transientItself(t)) {
                return true;
            }
        }
        return false;
    }

    private static boolean transientItself(Throwable t) {
        if (t instanceof NonTransientDataAccessResourceException) {
            return false; // e.g. a wrong database name: waiting does not fix configuration
        }
        return t instanceof TransientDataAccessException
                || t instanceof RecoverableDataAccessException
                || t instanceof DataAccessResourceFailureException // incl. CannotGetJdbcConnectionException
                || t instanceof CannotCreateTransactionException // no connection to begin with
                || t instanceof TransactionSystemException // commit or rollback on a connection that died
                || t instanceof SQLTransientException // incl. SQLTransientConnectionException (Hikari's timeout)
                || t instanceof SQLRecoverableException
                || (t instanceof SQLException sql && transientSqlState(sql.getSQLState()))
                || t instanceof RetriableException // Kafka: timeouts, not enough replicas, leader moving
                || t instanceof ConnectException
                || t instanceof NoRouteToHostException
                || t instanceof UnknownHostException
                || t instanceof SocketTimeoutException
                || t instanceof SocketException // incl. a connection reset by a server going away
                || t instanceof EOFException; // the server closed the connection mid-answer
    }

    /**
     * SQL states of a server that is unreachable, shutting down or overloaded: 08 connection exception, 53
     * insufficient resources, 57P01-57P03 admin/crash shutdown and cannot connect now, 40001/40P01 serialization
     * failure and deadlock (retrying is the documented answer).
     */
    private static boolean transientSqlState(String state) {
        if (state == null) {
            return false;
        }
        return state.startsWith("08")
                || state.startsWith("53")
                || state.startsWith("57P")
                || state.equals("40001")
                || state.equals("40P01");
    }
}
