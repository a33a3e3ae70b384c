package org.runonce.intake.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
import org.runonce.intake.DemoCatalog;
import org.runonce.intake.IntakeIT;
import org.runonce.intake.catalog.CatalogCopy;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The form an application is checked against is the one published with the item version it is pinned to (both
 * versions announced on the catalog topic, taken in by intake's consumer): a second
 * version with a changed form takes over for new applications only, and an invalid form stores nothing.
 */
class FormVersionsIT extends IntakeIT {

    /** The applicant of every application here, with the verified identity of their account. */
    static final Map<String, Object> SUN_BA = person("孙八");

    @Autowired
    CatalogCopy catalog;

    /** Version 1 (the demo unemployment-benefit guide) until 2026-11-30, version 2 with a changed form after. */
    private String publishTwoVersions() {
        String code = "it-forms-" + UUID.randomUUID().toString().substring(0, 8);
        ObjectNode v1 = (ObjectNode) DemoCatalog.events().stream()
                .filter(e -> e.subject().equals("hrss-unemployment-benefit"))
                .findFirst()
                .orElseThrow()
                .data()
                .deepCopy();
        v1.put("itemCode", code);
        v1.put("validTo", "2026-11-30");
        ObjectNode v2 = v1.deepCopy();
        v2.put("version", 2);
        v2.put("validFrom", "2026-12-01");
        v2.putNull("validTo");
        ObjectNode form = (ObjectNode) v2.get("form");
        ObjectNode properties = (ObjectNode) form.get("properties");
        properties.remove("insuredYears");
        properties.set("dismissalNoticeNumber", json.readTree("""
                {"type": "string", "minLength": 4, "maxLength": 30, "title": "解除劳动合同证明编号",
                 "x-title": {"zh": "解除劳动合同证明编号", "en": "Number of the termination certificate"}}"""));
        form.putArray("required").add("terminationDate").add("dismissalNoticeNumber");
        // announced on the catalog's topic as the catalog does, and taken into the copy by intake's consumer
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                new StringSerializer(),
                new ByteArraySerializer())) {
            for (ObjectNode version : List.of(v1, v2)) {
                CloudEvent<?> event = CloudEvent.of(
                                UUID.randomUUID().toString(),
                                "/runonce/catalog",
                                ItemVersionPublished.TYPE,
                                Instant.parse("2026-11-01T00:00:00Z"),
                                code,
                                version)
                        .inDepartment("HRSS");
                String body = json.writeValueAsString(event);
                assertThat(EventSchemas.violations(EventSchemas.schemaOf(event.type()), body))
                        .isEmpty();
                var record = new ProducerRecord<>(Topics.CATALOG, code, body.getBytes(StandardCharsets.UTF_8));
                record.headers().add("content-type", CloudEvent.STRUCTURED_CONTENT_TYPE.getBytes());
                producer.send(record).get(30, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw new IllegalStateException("the versions could not be announced", e);
        }
        await().atMost(Duration.ofSeconds(30))
                .until(() -> catalog.itemVersion(code, 2)
                        .map(v -> v.form().containsKey("properties"))
                        .orElse(false));
        return code;
    }

    private Map<String, Object> application(String code, Map<String, Object> form) {
        return Map.of("itemCode", code, "applicant", SUN_BA, "form", form);
    }

    private int applicationsOf(RequestPostProcessor who) throws Exception {
        return getJson(who, "/api/intake/applications", 200).size();
    }

    private static List<String> codes(JsonNode problem) {
        List<String> codes = new ArrayList<>();
        problem.get("errors")
                .forEach(e -> codes.add(
                        e.get("field").asString() + " " + e.get("code").asString()));
        return codes;
    }

    @Test
    void aChangedFormTakesOverForNewApplicationsWhileEarlierOnesKeepTheirVersion() throws Exception {
        String code = publishTwoVersions();
        RequestPostProcessor me = applicant(newSubject(), SUN_BA);

        // under version 1
        JsonNode filed = submit(me, application(code, Map.of("terminationDate", "2026-10-31", "insuredYears", 3)), 201);
        assertThat(filed.get("items").get(0).get("version").asInt()).isEqualTo(1);
        assertThat(filed.get("items").get(0).get("formSchema").asString())
                .isEqualTo("/api/catalog/items/" + code + "/versions/1/form");
        JsonNode tooEarly = submit(
                me,
                application(code, Map.of("terminationDate", "2026-10-31", "dismissalNoticeNumber", "JC-0001")),
                400);
        assertThat(codes(tooEarly)).containsExactly("form.dismissalNoticeNumber UNKNOWN_FIELD");

        // version 2 in force: the old form no longer passes, nothing is stored
        clock().set("2026-12-02T10:00");
        int before = applicationsOf(me);
        JsonNode refused =
                submit(me, application(code, Map.of("terminationDate", "2026-10-31", "insuredYears", 3)), 400);
        assertThat(refused.get("type").asString()).isEqualTo("https://runonce.org/problems/validation-failed");
        assertThat(refused.get("errors"))
                .extracting(e -> e.get("pointer").asString(), e -> e.get("code").asString())
                .containsExactlyInAnyOrder(
                        tuple("/form/dismissalNoticeNumber", "REQUIRED"), tuple("/form/insuredYears", "UNKNOWN_FIELD"));
        assertThat(applicationsOf(me)).isEqualTo(before);

        JsonNode second = submit(
                me,
                application(code, Map.of("terminationDate", "2026-10-31", "dismissalNoticeNumber", "JC-0001")),
                201);
        assertThat(second.get("items").get(0).get("version").asInt()).isEqualTo(2);
        assertThat(applicationsOf(me)).isEqualTo(before + 1);

        // the first application is still shown under version 1 with the form it was filed with
        JsonNode first =
                getJson(me, "/api/intake/applications/" + filed.get("number").asString(), 200);
        assertThat(first.get("items").get(0).get("version").asInt()).isEqualTo(1);
        assertThat(first.get("items").get(0).get("formSchema").asString()).endsWith("/versions/1/form");
        assertThat(first.get("form").get("insuredYears").asInt()).isEqualTo(3);
        assertThat(LocalDate.parse(first.get("form").get("terminationDate").asString()))
                .isEqualTo(LocalDate.parse("2026-10-31"));
    }

    @Test
    void aFormOutsideTheVersionsSchemaIsRefusedFieldByFieldAndNothingIsStored() throws Exception {
        RequestPostProcessor me = applicant(newSubject(), SUN_BA);
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("terminationDate", "2027-01-05");
        form.put("insuredYears", 0);
        form.put("bankAccountNumber", "12-34");
        form.put("terminationReason", "BORED");
        JsonNode refused = submit(me, application("hrss-unemployment-benefit", form), 400);
        assertThat(codes(refused))
                .containsExactlyInAnyOrder(
                        "form.bankAccountNumber TOO_SHORT",
                        "form.bankAccountNumber PATTERN_MISMATCH",
                        "form.insuredYears TOO_SMALL",
                        "form.terminationDate DATE_IN_FUTURE",
                        "form.terminationReason NOT_ONE_OF_THE_VALUES");
        assertThat(applicationsOf(me)).isZero();
    }
}
