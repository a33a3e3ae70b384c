package org.runonce.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.runonce.localstack.LocalPlatform;

/**
 * Operators run two or more replicas of every service. Here approval-service and notification-service run twice on
 * the same databases and topics; in the middle of a burst of 500 online submissions the first instance of each is
 * killed with SIGKILL (events in its outbox, records in flight, deliveries claimed). The second takes over: every
 * accepted application opens its case once, SAMR's department system receives each case-opened event under one
 * CloudEvent id, and the applicant is told of each acceptance once, in the inbox and by mail.
 */
@ExtendWith(SharedPlatform.class)
class TwoInstancesIT {

    static final int BURST = 500;
    static final Duration EVENTUALLY = Duration.ofMinutes(5);
    static final String SECRET = "samr-webhook-secret-for-two-instances";
    static final List<String> SERVICES = List.of(LocalPlatform.APPROVAL, LocalPlatform.NOTIFICATION);
    static final Pattern ASSIGNED = Pattern.compile("partitions assigned: \\[([^\\]]*)]");

    @Test
    void killingTheFirstInstanceOfApprovalAndNotificationMidBurstLosesAndRepeatsNothing(LocalPlatform platform)
            throws Exception {
        Portal portal = new Portal(platform);
        String applicant = portal.token("li.si");
        String email = Portal.uniqueMailAddress("li.si");
        Burst burst = new Burst(portal, applicant, email);
        List<String> secondInstances = Together.startInstances(platform, SERVICES);
        String approval2 = secondInstances.get(0);
        String subscription = null;
        try (WebhookReceiver samrSystem = new WebhookReceiver(SECRET)) {
            // both instances of approval share intake's partitions (4) before the burst starts
            await().atMost(Duration.ofMinutes(2))
                    .untilAsserted(() -> assertThat(assignedPartitions(platform, approval2))
                            .as("partitions of intake's topic held by %s", approval2)
                            .isNotEmpty());
            subscription = portal.subscribe("samr-system", samrSystem, "org.runonce.approval.case.opened.v1");
            burst.warmUp();

            Set<String> accepted = burst.submit(BURST, answered -> {
                SERVICES.forEach(platform::killService);
                assertThat(answered).as("answered when the instances died").isLessThan(BURST);
            });

            // approval's second instance opened every case once
            await().atMost(EVENTUALLY)
                    .pollInterval(Duration.ofSeconds(2))
                    .untilAsserted(() ->
                            assertThat(Burst.openedCases(platform, accepted)).isEqualTo(accepted.size()));

            // notification's second instance: each case opened reached SAMR under one CloudEvent id
            await().atMost(EVENTUALLY)
                    .untilAsserted(() -> assertThat(Burst.openedCaseIds(samrSystem, accepted))
                            .hasSize(accepted.size())
                            .allSatisfy((caseNumber, ids) -> assertThat(ids).hasSize(1)));
            // ... and told the applicant of each acceptance once: in the inbox, and by mail under one Message-ID (a
            // mail the killed instance had handed to SMTP but not yet marked sent goes again, as the same message)
            await().atMost(EVENTUALLY).untilAsserted(() -> {
                assertThat(Burst.inboxAcceptances(platform, accepted)).isEqualTo(accepted.size());
                assertThat(Burst.acceptanceMailIds(portal, email, accepted))
                        .hasSize(accepted.size())
                        .allSatisfy((subject, ids) -> assertThat(ids).hasSize(1));
            });
        } finally {
            // the shared platform as the other tests know it: the first instances back, the second ones gone
            Together.start(platform, SERVICES);
            secondInstances.forEach(platform::stopService);
            if (subscription != null) {
                portal.unsubscribe("samr-system", subscription);
            }
        }
    }

    /** The partitions of intake's topic that {@code instance}'s listener threads logged as assigned to them. */
    private static Set<String> assignedPartitions(LocalPlatform platform, String instance) throws IOException {
        Set<String> assigned = new TreeSet<>();
        for (String line : Files.readAllLines(platform.serviceLog(instance))) {
            Matcher m = ASSIGNED.matcher(line);
            while (m.find()) {
                for (String partition : m.group(1).split(",\\s*")) {
                    if (partition.startsWith("runonce.intake.")) {
                        assigned.add(partition);
                    }
                }
            }
        }
        return assigned;
    }
}
