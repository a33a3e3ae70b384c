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
import org.runonce.contracts.approval.CaseResumed;
import org.runonce.contracts.approval.ReviewStarted;
import org.runonce.contracts.approval.SupplementRequested;
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

    @Test
    void aDepartmentsSupplementRequestFromKafkaShowsInTheProgressAndIsAnsweredOnlineOnce() throws Exception {
        LocalInfrastructure.kafka().createTopic(Topics.APPROVAL, 1);
        Map<String, Object> self = person("补正人");
        RequestPostProcessor me = applicant(newSubject(), self);
        String number = acceptedCompanyStartup(me, me);
        JsonNode samr = getJson(me, "/api/intake/applications/" + number, 200)
                .get("cases")
                .get(0);
        String caseNumber = samr.get("caseNumber").asString();
        Instant t = clock.instant();

        publishAsApproval(review(number, samr, t.plusSeconds(60)));
        publishAsApproval(envelope(
                SupplementRequested.TYPE,
                samr,
                t.plusSeconds(120),
                new SupplementRequested(
                        header(number, samr, "SUPPLEMENT_REQUESTED", "REVIEW", false),
                        1,
                        List.of(
                                new SupplementRequested.RequestedMaterial("ARTICLES_OF_ASSOCIATION", "请补正全体股东签字的公司章程"),
                                new SupplementRequested.RequestedMaterial(null, "任一补充说明")),
                        "公司章程未经全体股东签字",
                        null,
                        null,
                        false)));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(status(me, number, 0)).isEqualTo("SUPPLEMENT_REQUESTED"));
        JsonNode waiting = getJson(me, "/api/intake/applications/" + number, 200)
                .get("cases")
                .get(0);
        assertThat(waiting.get("step").asString()).isEqualTo("REVIEW");
        assertThat(waiting.get("heldBy").asString()).isEqualTo("reviewer-1");
        assertThat(waiting.get("dueDate").asString()).isEqualTo("2026-11-27");
        assertThat(waiting.get("clockRunning").asBoolean()).isFalse();
        JsonNode request = waiting.get("supplementRequests").get(0);
        assertThat(request.get("requestNumber").asInt()).isEqualTo(1);
        assertThat(request.get("materials").findValuesAsString("description"))
                .containsExactly("请补正全体股东签字的公司章程", "任一补充说明");
        assertThat(request.get("answeredAt").isNull()).isTrue();

        // another applicant cannot answer it; an answer in part is refused; nothing recorded
        postJson(
                applicant(newSubject()),
                "/api/intake/applications/" + number + "/supplements",
                Map.of(
                        "materials",
                        List.of(Map.of("code", "ARTICLES_OF_ASSOCIATION", "documentId", UUID.randomUUID()))),
                404);
        postJson(
                me,
                "/api/intake/applications/" + number + "/supplements",
                Map.of("materials", documents(me, "PREMISES_PROOF")),
                422);

        JsonNode answered = postJson(
                me,
                "/api/intake/applications/" + number + "/supplements",
                Map.of("materials", documents(me, "ARTICLES_OF_ASSOCIATION", "PREMISES_PROOF")),
                200);
        assertThat(answered.get("cases")
                        .get(0)
                        .get("supplementRequests")
                        .get(0)
                        .get("answeredAt")
                        .isNull())
                .isFalse();
        String supplied = awaitEvents(number, "org.runonce.intake.application.materials-supplied.v1").stream()
                .filter(e -> e.contains("materials-supplied"))
                .findFirst()
                .orElseThrow();
        JsonNode data = json.readTree(supplied).get("data");
        assertThat(data.get("cases")).singleElement().satisfies(c -> {
            assertThat(c.get("caseNumber").asString()).isEqualTo(caseNumber);
            assertThat(c.get("materials").findValuesAsString("code"))
                    .containsExactlyInAnyOrder("ARTICLES_OF_ASSOCIATION", "PREMISES_PROOF");
        });
        postJson(
                me,
                "/api/intake/applications/" + number + "/supplements",
                Map.of("materials", documents(me, "ARTICLES_OF_ASSOCIATION")),
                409);

        // the department resumes the case: running again, the due date moved by the days it waited
        publishAsApproval(envelope(
                CaseResumed.TYPE,
                samr,
                t.plusSeconds(180),
                new CaseResumed(header(number, samr, "IN_REVIEW", "REVIEW", true), "SUPPLEMENT", 2, null)));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(status(me, number, 0)).isEqualTo("IN_REVIEW"));
        assertThat(getJson(me, "/api/intake/applications/" + number, 200)
                        .get("cases")
                        .get(0)
                        .get("clockRunning")
                        .asBoolean())
                .isTrue();
    }

    private static CaseHeader header(String number, JsonNode c, String status, String step, boolean running) {
        return new CaseHeader(
                number,
                c.get("caseNumber").asString(),
                c.get("itemCode").asString(),
                c.get("itemVersion").asInt(),
                c.get("departmentCode").asString(),
                status,
                step,
                "reviewer-1",
                "reviewer-1",
                clock(c.get("promisedWorkingDays").asInt(), running));
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
