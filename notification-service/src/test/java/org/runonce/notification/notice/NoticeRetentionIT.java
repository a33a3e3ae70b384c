package org.runonce.notification.notice;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.runonce.notification.NotificationIT;
import org.runonce.starter.domain.Time;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Retention of notices (PIPL Art. 19) on real PostgreSQL: a sent e-mail or SMS notice goes after 90 days, an inbox
 * notice after 365; a pending or failed one never; a statement deletes at most a batch; two instances running it
 * together share the rows (no failure, each row counted once).
 */
@NotificationIT
class NoticeRetentionIT {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Notices notices;

    @Autowired
    NoticeRetention retention;

    @Autowired
    Time time;

    /** This test's rows: their application number. */
    String application;

    Instant now;

    @BeforeEach
    void application() {
        application = "RET-" + UUID.randomUUID();
        now = time.now();
    }

    @AfterEach
    void removeRows() {
        jdbc.sql("delete from notice where application_number = ?")
                .param(application)
                .update();
    }

    @Test
    void onlySentNoticesPastTheirRetentionAreDeletedAtMostABatchPerStatement() {
        List<UUID> oldMails = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            oldMails.add(notice(i % 2 == 0 ? "EMAIL" : "SMS", "SENT", Duration.ofDays(91)));
        }
        UUID recentMail = notice("EMAIL", "SENT", Duration.ofDays(89));
        UUID recentInbox = notice("INBOX", "SENT", Duration.ofDays(300)); // the applicant's inbox keeps it longer
        UUID oldInbox = notice("INBOX", "SENT", Duration.ofDays(366));
        UUID pending = notice("EMAIL", "PENDING", Duration.ofDays(400));
        UUID failed = notice("SMS", "FAILED", Duration.ofDays(400));

        assertThat(notices.deleteSent(false, now.minus(Duration.ofDays(90)), 10))
                .isEqualTo(10);
        assertThat(mine()).hasSize(30 - 10);

        assertThat(retention.deleteExpired(10)).isGreaterThanOrEqualTo(15 + 1);
        assertThat(mine()).containsExactlyInAnyOrder(recentMail, recentInbox, pending, failed);
        assertThat(mine()).doesNotContain(oldInbox).doesNotContainAnyElementsOf(oldMails);
    }

    @Test
    void twoInstancesRunningItTogetherShareTheRowsAndCountEachOnce() throws Exception {
        for (int i = 0; i < 300; i++) {
            notice(List.of("EMAIL", "SMS", "INBOX").get(i % 3), "SENT", Duration.ofDays(400));
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

    /**
     * A notice of this test's application in a state, created (and, SENT, sent) {@code age} ago; a pending one is
     * not due for a long while, so that no other test's sender run sends it.
     */
    private UUID notice(String channel, String state, Duration age) {
        UUID id = UUID.randomUUID();
        Timestamp at = Timestamp.from(now.minus(age));
        jdbc.sql("""
                        insert into notice (id, event_id, event_type, channel, template, application_number,
                            recipient, locale, title, body, state, created_at, sent_at, retry_from, next_attempt_at)
                        values (:id, :event, 'org.runonce.test.v1', :channel, 'accepted', :application, :recipient,
                            'en', 'title', 'body', :state, :at, :sent, :at, :next)""")
                .param("id", id)
                .param("event", UUID.randomUUID().toString())
                .param("channel", channel)
                .param("application", application)
                .param("recipient", channel.equals("INBOX") ? null : "pd1:x:y:z")
                .param("state", state)
                .param("at", at)
                .param("sent", state.equals("SENT") ? at : null)
                .param("next", Timestamp.from(now.plus(Duration.ofDays(3650))))
                .update();
        return id;
    }

    private List<UUID> mine() {
        return jdbc.sql("select id from notice where application_number = ?")
                .param(application)
                .query(UUID.class)
                .list();
    }

    /** Every notice the retention would delete now (other tests' included). */
    private int expired() {
        return jdbc.sql("""
                        select count(*) from notice
                        where state = 'SENT' and ((channel = 'INBOX' and sent_at < :inbox)
                                                  or (channel <> 'INBOX' and sent_at < :mail))""")
                .param("inbox", Timestamp.from(now.minus(Duration.ofDays(365))))
                .param("mail", Timestamp.from(now.minus(Duration.ofDays(90))))
                .query(Integer.class)
                .single();
    }
}
