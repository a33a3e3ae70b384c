package org.runonce.notification.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.runonce.notification.NotificationIT;
import org.runonce.notification.webhook.Delivery.State;
import org.runonce.starter.domain.Time;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Retention of webhook deliveries (PIPL Art. 19) on real PostgreSQL: only finished deliveries past their retention
 * go (delivered after 90 days, dead after 180), never a pending or retrying one; a statement deletes at most a batch;
 * two instances running it together share the rows (no failure, each row counted once); a row another transaction
 * holds is skipped, not waited for.
 */
@NotificationIT
class DeliveryRetentionIT {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    Deliveries deliveries;

    @Autowired
    DeliveryRetention retention;

    @Autowired
    Time time;

    /** An inactive subscription of this test's own: the dispatcher never looks at its deliveries. */
    UUID subscription;

    Instant now;

    @BeforeEach
    void subscription() {
        subscription = UUID.randomUUID();
        now = time.now();
        jdbc.sql("""
                        insert into subscription (id, department, callback_url, event_types, secret, active, created_at)
                        values (?, 'RETENTION', 'https://receiver.example/hook', '{}', 'a-secret-of-16-chars', false,
                            now())""").param(subscription).update();
    }

    @AfterEach
    void removeRows() {
        jdbc.sql("delete from delivery where subscription_id = ?")
                .param(subscription)
                .update();
        jdbc.sql("delete from subscription where id = ?").param(subscription).update();
    }

    @Test
    void onlyFinishedDeliveriesPastTheirRetentionAreDeletedAtMostABatchPerStatement() {
        List<UUID> oldDelivered = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            oldDelivered.add(delivery(State.SUCCEEDED, Duration.ofDays(91)));
        }
        UUID recentlyDelivered = delivery(State.SUCCEEDED, Duration.ofDays(89));
        UUID oldDead = delivery(State.DEAD, Duration.ofDays(181));
        UUID recentlyDead = delivery(State.DEAD, Duration.ofDays(100)); // a dead letter is kept longer
        UUID pending = delivery(State.PENDING, Duration.ofDays(400));
        UUID retrying = delivery(State.FAILED_RETRYING, Duration.ofDays(400));

        int firstBatch = deliveries.deleteFinished(State.SUCCEEDED, now.minus(Duration.ofDays(90)), 10);
        assertThat(firstBatch).isEqualTo(10);
        assertThat(mine()).hasSize(30 - 10);

        assertThat(retention.deleteExpired(10)).isGreaterThanOrEqualTo(15 + 1);
        assertThat(mine()).containsExactlyInAnyOrder(recentlyDelivered, recentlyDead, pending, retrying);
        assertThat(mine()).doesNotContain(oldDead).doesNotContainAnyElementsOf(oldDelivered);
    }

    @Test
    void twoInstancesRunningItTogetherShareTheRowsAndCountEachOnce() throws Exception {
        for (int i = 0; i < 300; i++) {
            delivery(i % 3 == 0 ? State.DEAD : State.SUCCEEDED, Duration.ofDays(200));
        }
        int expired = expired();
        assertThat(expired).isGreaterThanOrEqualTo(300);

        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService instances = Executors.newFixedThreadPool(2)) {
            List<Future<Integer>> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                runs.add(instances.submit(() -> {
                    start.await();
                    return retention.deleteExpired(7);
                }));
            }
            start.countDown();
            int deleted = runs.get(0).get(60, TimeUnit.SECONDS) + runs.get(1).get(60, TimeUnit.SECONDS);
            assertThat(deleted).as("rows deleted by both, each counted once").isEqualTo(expired);
        }
        assertThat(expired()).isZero();
        assertThat(mine()).isEmpty();
    }

    @Test
    void aRowAnotherTransactionHoldsIsSkippedNotWaitedFor() throws Exception {
        UUID held = delivery(State.SUCCEEDED, Duration.ofDays(91));
        UUID other = delivery(State.SUCCEEDED, Duration.ofDays(91));
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (var lock = connection.prepareStatement("select 1 from delivery where id = ? for update")) {
                lock.setObject(1, held);
                lock.executeQuery().close();
            }
            // as another instance deleting it, or a redelivery being written
            int deleted = CompletableFuture.supplyAsync(() -> retention.deleteExpired(10))
                    .get(30, TimeUnit.SECONDS);
            assertThat(deleted).isGreaterThanOrEqualTo(1);
            assertThat(mine()).containsExactly(held).doesNotContain(other);
            connection.rollback();
        }
        assertThat(retention.deleteExpired(10)).isGreaterThanOrEqualTo(1);
        assertThat(mine()).isEmpty();
    }

    /** A delivery of this test's subscription in a state, finished (or created) {@code age} ago. */
    private UUID delivery(State state, Duration age) {
        UUID id = UUID.randomUUID();
        Instant at = now.minus(age);
        jdbc.sql("""
                        insert into delivery (id, subscription_id, event_id, event_type, subject, body, state,
                            attempts, created_at, retry_from, next_attempt_at, last_attempt_at, delivered_at)
                        values (:id, :subscription, :event, 'org.runonce.test.v1', 'T-1', 'pd1:x:y:z', :state,
                            1, :at, :at, :next, :at, :delivered)""")
                .param("id", id)
                .param("subscription", subscription)
                .param("event", UUID.randomUUID().toString())
                .param("state", state.name())
                .param("at", Timestamp.from(at))
                .param("next", state == State.PENDING || state == State.FAILED_RETRYING ? Timestamp.from(at) : null)
                .param("delivered", state == State.SUCCEEDED ? Timestamp.from(at) : null)
                .update();
        return id;
    }

    private List<UUID> mine() {
        return jdbc.sql("select id from delivery where subscription_id = ?")
                .param(subscription)
                .query(UUID.class)
                .list();
    }

    /** Every delivery the retention would delete now (other tests' included). */
    private int expired() {
        return jdbc.sql("""
                        select count(*) from delivery
                        where (state = 'SUCCEEDED' and delivered_at < :delivered)
                           or (state = 'DEAD' and last_attempt_at < :dead)""")
                .param("delivered", Timestamp.from(now.minus(Duration.ofDays(90))))
                .param("dead", Timestamp.from(now.minus(Duration.ofDays(180))))
                .query(Integer.class)
                .single();
    }
}
