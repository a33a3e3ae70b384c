package org.runonce.intake.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.runonce.contracts.CloudEvent;
import org.runonce.contracts.EventSchemas;
import org.runonce.contracts.Topics;
import org.runonce.contracts.catalog.ItemVersionPublished;
import org.runonce.contracts.intake.ApplicationAccepted;
import org.runonce.contracts.intake.ApplicationPreReviewPassed;
import org.runonce.contracts.intake.ApplicationSupplementRequested;
import org.runonce.intake.DemoCatalog;
import org.runonce.intake.IntakeIT;
import org.runonce.intake.catalog.CatalogCopy;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Online pre-review (网上预审) through intake's HTTP API on the local stack: an ONLINE_PRE_REVIEW item of the Xihu
 * district (XHCA, 330106) submitted online waits for a Xihu clerk's pre-review, passes (at once, or after one notice
 * and the applicant's correction), and is accepted at the one visit where the originals are checked: visits = 1.
 * Clerks of another region, other applicants and late pre-reviews are shown too.
 */
class PreReviewIT extends IntakeIT {

    private static final String APPLICATIONS = "/api/intake/applications/";
    private static final String XIHU = "330106";

    @Autowired
    CatalogCopy catalog;

    /** A window clerk working at a service point of the hall (the token's service_point claim). */
    private static RequestPostProcessor clerkAt(String subject, String servicePoint) {
        return org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt()
                .jwt(t ->
                        t.subject(subject).claim("preferred_username", subject).claim("service_point", servicePoint))
                .authorities(new SimpleGrantedAuthority("ROLE_window-clerk"));
    }

    private static final RequestPostProcessor XIHU_CLERK = clerkAt("clerk-xihu", "xihu-hall");
    private static final RequestPostProcessor CITY_CLERK = clerkAt("clerk-city", "hz-citizen-centre");

    /** Submitted online, complete, on Friday 2026-11-20: in pre-review, due Tuesday the 24th. */
    private JsonNode submitted(String item, RequestPostProcessor me, Map<String, Object> self) throws Exception {
        JsonNode submitted = submit(
                me,
                Map.of(
                        "itemCode", item,
                        "region", XIHU,
                        "applicant", self,
                        "form", Map.of("terminationDate", "2026-10-31"),
                        "materials", documents(me, "ID_CARD", "TERMINATION_PROOF")),
                201);
        assertThat(submitted.get("status").asString()).isEqualTo("PRE_REVIEW");
        assertThat(submitted.get("acceptance").isNull()).isTrue();
        assertThat(submitted.get("cases")).isEmpty();
        assertThat(submitted.get("visits").asInt()).isZero();
        assertThat(submitted.get("preReview").get("dueDate").asString()).isEqualTo("2026-11-24");
        return submitted;
    }

    @Test
    void passedOnlineThenAcceptedAtTheOneVisitWhereTheOriginalsAreChecked() throws Exception {
        String item = announce();
        Map<String, Object> self = person("预审甲");
        RequestPostProcessor me = applicant(newSubject(), self);
        String number = submitted(item, me, self).get("number").asString();

        // another applicant learns nothing of it; applicants do not pre-review
        RequestPostProcessor other = applicant(newSubject(), person("旁人"));
        getJson(other, APPLICATIONS + number, 404);
        postJson(other, APPLICATIONS + number + "/pre-review", Map.of("outcome", "PASSED"), 403);
        postJson(me, APPLICATIONS + number + "/pre-review", Map.of("outcome", "PASSED"), 403);
        // a clerk of the city's centre is not of the accepting region (Xihu), nor one of no service point
        JsonNode otherRegion =
                postJson(CITY_CLERK, APPLICATIONS + number + "/pre-review", Map.of("outcome", "PASSED"), 403);
        assertThat(otherRegion.get("type").asString()).endsWith("/not-accepting-region");
        postJson(clerk("clerk-nowhere"), APPLICATIONS + number + "/pre-review", Map.of("outcome", "PASSED"), 403);
        // the pre-review is the window's: nothing is accepted before it
        postJson(XIHU_CLERK, APPLICATIONS + number + "/originals-check", Map.of(), 409);
        assertThat(getJson(me, APPLICATIONS + number, 200).get("status").asString())
                .isEqualTo("PRE_REVIEW");

        JsonNode passed = postJson(
                XIHU_CLERK,
                APPLICATIONS + number + "/pre-review",
                Map.of("outcome", "PASSED", "note", "请携带身份证和解除劳动合同证明原件"),
                200);
        assertThat(passed.get("status").asString()).isEqualTo("PRE_REVIEW_PASSED");
        assertThat(passed.get("preReview").get("originals").findValuesAsString("materialCode"))
                .containsExactly("ID_CARD", "TERMINATION_PROOF");
        assertThat(passed.get("preReview")
                        .get("rounds")
                        .get(0)
                        .get("answeredBy")
                        .asString())
                .isEqualTo("clerk-xihu");
        assertThat(passed.get("visits").asInt()).isZero();
        // the applicant is told what to bring (notification reads this event) and sees it in the view
        JsonNode told = awaitEvents(number, ApplicationPreReviewPassed.TYPE).stream()
                .map(json::readTree)
                .filter(e -> e.get("type").asString().equals(ApplicationPreReviewPassed.TYPE))
                .findFirst()
                .orElseThrow();
        assertThat(EventSchemas.violations(
                        EventSchemas.schemaOf(ApplicationPreReviewPassed.TYPE), json.writeValueAsString(told)))
                .isEmpty();
        assertThat(told.get("data").get("originals").findValuesAsString("materialCode"))
                .containsExactly("ID_CARD", "TERMINATION_PROOF");
        assertThat(told.get("data").get("applicant").get("subject").asString()).isEqualTo(subjectOf(me));
        assertThat(getJson(me, APPLICATIONS + number, 200)
                        .get("preReview")
                        .get("originals")
                        .size())
                .isEqualTo(2);

        // the one visit, on Monday: the originals checked, accepted in that visit
        clock().set("2026-11-23T09:30");
        postJson(CITY_CLERK, APPLICATIONS + number + "/originals-check", Map.of(), 403);
        JsonNode accepted = postJson(XIHU_CLERK, APPLICATIONS + number + "/originals-check", Map.of(), 200);
        assertThat(accepted.get("status").asString()).isEqualTo("ACCEPTED");
        assertThat(accepted.get("visits").asInt()).isEqualTo(1);
        assertThat(accepted.get("multipleVisits").asBoolean()).isFalse();
        assertThat(accepted.get("visitLog").findValuesAsString("purpose")).containsExactly("ORIGINALS_CHECK");
        assertThat(accepted.get("cases")).hasSize(1);
        assertThat(accepted.get("cases").get(0).get("departmentCode").asString())
                .isEqualTo("XHCA");
        assertThat(jdbc.sql("select visits_at_acceptance from application where number = ?")
                        .param(number)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        List<String> events = awaitEvents(number, ApplicationAccepted.TYPE);
        assertThat(events.stream().map(e -> json.readTree(e).get("type").asString()))
                .doesNotContain(ApplicationSupplementRequested.TYPE);
        postJson(XIHU_CLERK, APPLICATIONS + number + "/originals-check", Map.of(), 409);
    }

    @Test
    void needsChangesIsOneNoticeTheApplicantCorrectsOnlineAndThePreReviewPassesThen() throws Exception {
        String item = announce();
        Map<String, Object> self = person("预审乙");
        RequestPostProcessor me = applicant(newSubject(), self);
        String number = submitted(item, me, self).get("number").asString();

        // needs changes without saying what: refused, nothing changed
        JsonNode invalid =
                postJson(XIHU_CLERK, APPLICATIONS + number + "/pre-review", Map.of("outcome", "CHANGES_NEEDED"), 400);
        assertThat(invalid.get("errors").findValuesAsString("field")).containsExactly("findings");
        postJson(
                XIHU_CLERK,
                APPLICATIONS + number + "/pre-review",
                Map.of(
                        "outcome",
                        "CHANGES_NEEDED",
                        "findings",
                        List.of(Map.of("materialCode", "TERMINATION_PROOF", "reason", "LOOKS_ODD"))),
                400);

        JsonNode changes = postJson(
                XIHU_CLERK,
                APPLICATIONS + number + "/pre-review",
                Map.of(
                        "outcome",
                        "CHANGES_NEEDED",
                        "findings",
                        List.of(
                                Map.of(
                                        "materialCode",
                                        "TERMINATION_PROOF",
                                        "reason",
                                        "CONTENT_INCORRECT",
                                        "note",
                                        "缺少用人单位盖章"),
                                Map.of("materialCode", "ID_CARD", "reason", "DOCUMENT_UNREADABLE", "note", "反面模糊"))),
                200);
        assertThat(changes.get("status").asString()).isEqualTo("PENDING_SUPPLEMENT");
        assertThat(changes.get("notices")).hasSize(1);
        assertThat(changes.get("notices").get(0).get("items").findValuesAsString("materialCode"))
                .containsExactly("TERMINATION_PROOF", "ID_CARD");
        String noticeNumber = changes.get("notices").get(0).get("number").asString();
        // the applicant is told as of every one-time notice (notification reads this event), in the clerk's words
        JsonNode notice = awaitEvents(number, ApplicationSupplementRequested.TYPE).stream()
                .map(json::readTree)
                .filter(e -> e.get("type").asString().equals(ApplicationSupplementRequested.TYPE))
                .findFirst()
                .orElseThrow();
        assertThat(EventSchemas.violations(
                        EventSchemas.schemaOf(ApplicationSupplementRequested.TYPE), json.writeValueAsString(notice)))
                .isEmpty();
        assertThat(notice.get("data").get("noticeNumber").asString()).isEqualTo(noticeNumber);
        assertThat(notice.get("data").get("deficiencies").findValuesAsString("detail"))
                .containsExactly("内容有误或不符合要求，请按预审意见更正。 缺少用人单位盖章", "上传的文件无法读取（已损坏或不完整），请重新上传。 反面模糊");

        // corrected online on Tuesday: back in pre-review, due two working days later
        clock().set("2026-11-24T14:00");
        JsonNode corrected = postJson(
                me,
                APPLICATIONS + number + "/supplements",
                Map.of("materials", documents(me, "TERMINATION_PROOF", "ID_CARD")),
                200);
        assertThat(corrected.get("status").asString()).isEqualTo("PRE_REVIEW");
        assertThat(corrected.get("preReview").get("dueDate").asString()).isEqualTo("2026-11-26");
        assertThat(corrected.get("preReview").get("rounds")).hasSize(2);
        assertThat(corrected.get("visits").asInt()).isZero();

        clock().set("2026-11-25T10:00");
        postJson(XIHU_CLERK, APPLICATIONS + number + "/pre-review", Map.of("outcome", "PASSED"), 200);
        clock().set("2026-11-26T10:00");
        JsonNode accepted = postJson(XIHU_CLERK, APPLICATIONS + number + "/originals-check", Map.of(), 200);
        assertThat(accepted.get("status").asString()).isEqualTo("ACCEPTED");
        assertThat(accepted.get("visits").asInt()).isEqualTo(1);
        assertThat(accepted.get("notices")).hasSize(1);
    }

    @Test
    void preReviewsPastTheirDueDateAreListedAndCountedForSupervisors() throws Exception {
        String item = announce();
        Map<String, Object> self = person("预审丙");
        RequestPostProcessor me = applicant(newSubject(), self);
        String number = submitted(item, me, self).get("number").asString();

        // on the due date it is open, not overdue
        clock().set("2026-11-24T17:00");
        assertThat(numbers(getJson(supervisor(), "/api/intake/supervision/pre-reviews", 200)))
                .contains(number);
        assertThat(numbers(getJson(supervisor(), "/api/intake/supervision/pre-reviews?overdue=true", 200)))
                .doesNotContain(number);
        getJson(XIHU_CLERK, "/api/intake/supervision/pre-reviews?overdue=true", 403);
        getJson(me, "/api/intake/supervision/pre-reviews?overdue=true", 403);

        // the next working day it is overdue, listed and counted
        clock().set("2026-11-25T09:00");
        JsonNode overdue = getJson(supervisor(), "/api/intake/supervision/pre-reviews?overdue=true", 200);
        assertThat(numbers(overdue)).contains(number);
        assertThat(overdue.get("count").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(overdue.get("count").asLong()).isEqualTo(numbers(overdue).size());

        // answered late, it leaves the list and its round says it was late
        JsonNode passed = postJson(XIHU_CLERK, APPLICATIONS + number + "/pre-review", Map.of("outcome", "PASSED"), 200);
        assertThat(passed.get("preReview").get("rounds").get(0).get("late").asBoolean())
                .isTrue();
        assertThat(numbers(getJson(supervisor(), "/api/intake/supervision/pre-reviews?overdue=true", 200)))
                .doesNotContain(number);
    }

    private static List<String> numbers(JsonNode listing) {
        return listing.get("applications").findValuesAsString("number");
    }

    /**
     * A new ONLINE_PRE_REVIEW item of the Xihu district's civil affairs (XHCA, 330106), a copy of the demo's
     * unemployment-benefit guide (its form, and its two materials asked for as originals), announced on the catalog
     * topic as the catalog does and awaited into intake's copy.
     */
    private String announce() {
        String code = "it-prereview-" + UUID.randomUUID().toString().substring(0, 8);
        ObjectNode version = (ObjectNode) DemoCatalog.events().stream()
                .filter(e -> e.subject().equals("hrss-unemployment-benefit"))
                .findFirst()
                .orElseThrow()
                .data()
                .deepCopy();
        version.put("itemCode", code);
        version.put("departmentCode", "XHCA");
        version.put("handlingMode", "ONLINE_PRE_REVIEW");
        version.put("visitsRequired", 1);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                new StringSerializer(),
                new ByteArraySerializer())) {
            CloudEvent<?> event = CloudEvent.of(
                            UUID.randomUUID().toString(),
                            "/runonce/catalog",
                            ItemVersionPublished.TYPE,
                            Instant.parse("2026-01-01T00:00:00Z"),
                            code,
                            version)
                    .inDepartment("XHCA");
            String body = json.writeValueAsString(event);
            assertThat(EventSchemas.violations(EventSchemas.schemaOf(event.type()), body))
                    .isEmpty();
            var record = new ProducerRecord<>(Topics.CATALOG, code, body.getBytes(StandardCharsets.UTF_8));
            record.headers().add("content-type", CloudEvent.STRUCTURED_CONTENT_TYPE.getBytes());
            producer.send(record).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the item could not be announced", e);
        }
        await().atMost(Duration.ofSeconds(30))
                .until(() -> catalog.itemVersion(code, 1).isPresent());
        return code;
    }
}
