package org.runonce.starter.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.runonce.contracts.CloudEvent;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

class PublishedEventMetersTest {

    static final String ACCEPTED = "org.runonce.intake.application.accepted";

    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final PublishedEventMeters meters = new PublishedEventMeters(registry);

    @AfterEach
    void endTransaction() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.clearSynchronization();
        }
    }

    @Test
    void anEventCountsWhenItsTransactionCommitsAndNotWhenItRollsBack() {
        TransactionSynchronizationManager.initSynchronization();
        meters.published(event(ACCEPTED));
        meters.published(event(ACCEPTED));
        assertThat(count(ACCEPTED)).as("before the commit").isZero();

        TransactionSynchronizationManager.getSynchronizations().forEach(TransactionSynchronization::afterCommit);
        assertThat(count(ACCEPTED)).isEqualTo(2);

        TransactionSynchronizationManager.clearSynchronization();
        TransactionSynchronizationManager.initSynchronization();
        meters.published(event(ACCEPTED));
        TransactionSynchronizationManager.getSynchronizations()
                .forEach(s -> s.afterCompletion(TransactionSynchronization.STATUS_ROLLED_BACK));
        assertThat(count(ACCEPTED)).as("rolled back").isEqualTo(2);
    }

    @Test
    void outsideATransactionAnEventCountsAtOnceByItsType() {
        meters.published(event("org.runonce.approval.case.opened"));

        assertThat(count("org.runonce.approval.case.opened")).isEqualTo(1);
        assertThat(count(ACCEPTED)).isZero();
    }

    private double count(String type) {
        var counter =
                registry.find("runonce.events.published").tag("type", type).counter();
        return counter == null ? 0 : counter.count();
    }

    private static CloudEvent<String> event(String type) {
        return CloudEvent.of("id-" + type, "/runonce/test", type, Instant.now(), "A-1", "data");
    }
}
