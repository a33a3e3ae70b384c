package org.runonce.intake.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.runonce.contracts.CloudEvent;
import org.runonce.contracts.TestIds;
import org.runonce.contracts.Topics;
import org.runonce.contracts.approval.CaseClock;
import org.runonce.contracts.approval.CaseDecided;
import org.runonce.contracts.approval.CaseHeader;
import org.runonce.contracts.approval.ReviewStarted;
import org.runonce.intake.IntakeIT;
import org.runonce.localstack.LocalInfrastructure;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;

/**
 * The approval service's case events on {@code runonce.approval.v1} (built from its contract records and checked
 * against its schemas) keep the applicant's progress view current and complete the application; redeliveries
 * change nothing.
 */
class ApprovalEventsIT extends IntakeIT {

    @Test
    void caseEventsFromKafkaUpdateTheProgressViewAndCompleteTheApplication() throws Exception {
        LocalInfrastructure.kafka().createTopic(Topics.APPROVAL, 1);
        Map<String, Object> self = person("买房人");
        RequestPostProcessor me = applicant(newSubject(), self);
        JsonNode accepted = submit(
                me,
                Map.of(
                        "bundleCode",
                        "second-hand-home-transfer",
                        "applicant",
                        self,
                        "form",
                        Map.of(
                                "propertyAddress", "杭州市西湖区某小区2幢202室",
                                "realEstateCertificateNumber", "浙(2021)杭州市不动产权第0000002号",
                                "priceYuan", 2500000,
                                "buyerName", "买房人",
                                "buyerIdNumber", TestIds.residentId()),
                        "materials",
                        documents(
                                me,
                                "PARTIES_ID_CARDS",
                                "SALES_CONTRACT",
                                "REAL_ESTATE_CERTIFICATE",
                                "REAL_ESTATE_REGISTRATION_APPLICATION")),
                201);
        String number = accepted.get("number").asString();
        List<JsonNode> cases = new ArrayList<>();
        accepted.get("cases").forEach(cases::add);

        Instant t = clock.instant();
        JsonNode first = cases.get(0);
        publishAsApproval(review(number, first, t.plusSeconds(60)));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(status(me, number, 0)).isEqualTo("IN_REVIEW"));

        CloudEvent<CaseDecided> decided =
                decided(number, first, "CONTRACT_FILING_PROOF-2026-000001", t.plusSeconds(120));
        publishAsApproval(decided);
        publishAsApproval(decided); // redelivered: applied once
        publishAsApproval(decided(number, cases.get(1), "TAX_PAYMENT_CERTIFICATE-2026-000001", t.plusSeconds(180)));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(status(me, number, 1)).isEqualTo("APPROVED"));
        assertThat(getJson(me, "/api/intake/applications/" + number, 200)
                        .get("status")
                        .asString())
                .isEqualTo("ACCEPTED");

        publishAsApproval(decided(number, cases.get(2), "REAL_ESTATE_CERTIFICATE-2026-000001", t.plusSeconds(240)));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(getJson(me, "/api/intake/applications/" + number, 200)
                                .get("status")
                                .asString())
                        .isEqualTo("COMPLETED"));
        JsonNode completed = getJson(me, "/api/intake/applications/" + number, 200);
        assertThat(completed.get("cases").get(0).get("certificateNumber").asString())
                .isEqualTo("CONTRACT_FILING_PROOF-2026-000001");
        assertThat(awaitEvents(number, "org.runonce.intake.application.completed.v1").stream()
                        .filter(e -> e.contains("application.completed"))
                        .count())
                .isEqualTo(1);
    }

    private String status(RequestPostProcessor me, String number, int index) throws Exception {
        return getJson(me, "/api/intake/applications/" + number, 200)
                .get("cases")
                .get(index)
                .get("status")
                .asString();
    }

    private static CaseClock clock(int promised, boolean running) {
        return new CaseClock(
                promised,
                LocalDate.parse("2026-11-20"),
                LocalDate.parse("2026-11-27"),
                0,
                promised,
                0,
                running,
                false,
                false);
    }

    private static CloudEvent<ReviewStarted> review(String number, JsonNode c, Instant at) {
        return envelope(
                ReviewStarted.TYPE,
                c,
                at,
                new ReviewStarted(new CaseHeader(
                        number,
                        c.get("caseNumber").asString(),
                        c.get("itemCode").asString(),
                        c.get("itemVersion").asInt(),
                        c.get("departmentCode").asString(),
                        "IN_REVIEW",
                        "REVIEW",
                        "reviewer-1",
                        "reviewer-1",
                        clock(c.get("promisedWorkingDays").asInt(), true))));
    }

    private static CloudEvent<CaseDecided> decided(String number, JsonNode c, String certificate, Instant at) {
        return envelope(
                CaseDecided.TYPE,
                c,
                at,
                new CaseDecided(
                        new CaseHeader(
                                number,
                                c.get("caseNumber").asString(),
                                c.get("itemCode").asString(),
                                c.get("itemVersion").asInt(),
                                c.get("departmentCode").asString(),
                                "APPROVED",
                                "DECIDE",
                                "reviewer-1",
                                "head-1",
                                clock(c.get("promisedWorkingDays").asInt(), false)),
                        "APPROVED",
                        null,
                        null,
                        at,
                        false,
                        true,
                        certificate));
    }

    private static <T> CloudEvent<T> envelope(String type, JsonNode c, Instant at, T data) {
        return CloudEvent.of(
                        UUID.randomUUID().toString(),
                        "/runonce/approval",
                        type,
                        at,
                        c.get("caseNumber").asString(),
                        data)
                .inDepartment(c.get("departmentCode").asString());
    }
}
