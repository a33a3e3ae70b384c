package org.runonce.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.runonce.localstack.LocalPlatform;

/**
 * The broker crashes (SIGKILL) in the middle of a burst of 200 online submissions and comes back: every accepted
 * application still opens its case in approval, shows it in the applicant's progress view, reaches SAMR's department
 * system, and tells the applicant once; nothing is opened, delivered or notified twice.
 */
@ExtendWith(SharedPlatform.class)
class KafkaCrashIT {

    static final int BURST = 200;
    static final Duration BROKER_DOWN = Duration.ofSeconds(15);
    static final Duration EVENTUALLY = Duration.ofMinutes(4);
    static final String SECRET = "samr-webhook-secret-for-the-crash";

    @Test
    void everyApplicationAcceptedWhileTheBrokerCrashedReachesApprovalAndNotificationOnce(LocalPlatform platform)
            throws Exception {
        Portal portal = new Portal(platform);
        String applicant = portal.token("zhang.san");
        String email = Portal.uniqueMailAddress("zhang.san");
        Burst burst = new Burst(portal, applicant, email);

        try (WebhookReceiver samrSystem = new WebhookReceiver(SECRET)) {
            String subscription = portal.subscribe("samr-system", samrSystem, "org.runonce.approval.case.opened.v1");
            try {
                burst.warmUp();
                Set<String> accepted = burst.submit(BURST, answered -> {
                    platform.kafka().kill();
                    assertThat(answered).as("answered when the broker died").isLessThan(BURST);
                    Thread.sleep(BROKER_DOWN);
                    platform.kafka().start();
                });

                // approval opened every case once
                await().atMost(EVENTUALLY)
                        .pollInterval(Duration.ofSeconds(2))
                        .untilAsserted(() -> assertThat(Burst.openedCases(platform, accepted))
                                .isEqualTo(accepted.size()));

                // SAMR's system got each case opened once (after deduplication by CloudEvent id, as receivers do)
                await().atMost(EVENTUALLY)
                        .untilAsserted(() -> assertThat(Burst.openedCaseIds(samrSystem, accepted))
                                .hasSize(accepted.size())
                                .allSatisfy((caseNumber, ids) -> assertThat(ids).hasSize(1)));

                // the applicant was told of each acceptance exactly once, in the inbox and by mail
                await().atMost(EVENTUALLY).untilAsserted(() -> {
                    Map<String, Long> inbox =
                            Burst.acceptanceNotices(portal.gateway, "/api/notifications", applicant, accepted);
                    assertThat(inbox).hasSize(accepted.size());
                    assertThat(inbox.values()).containsOnly(1L);
                    assertThat(Burst.acceptanceMails(portal, email, accepted)).hasSize(accepted.size());
                });
                assertThat(Burst.acceptanceMails(portal, email, accepted).stream()
                                .distinct())
                        .hasSize(accepted.size());
            } finally {
                portal.unsubscribe("samr-system", subscription);
            }
        }
    }
}
