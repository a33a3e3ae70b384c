package org.runonce.intake.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
 * The handling-mode shares by volume beside those by item count, against the staged targets. A department of the
 * test's own has three items (ZERO_VISIT, IMMEDIATE, MULTIPLE_VISITS) announced on the catalog topic: by item count
 * two of three need at most one visit (0.6667), but with three applications of the zero-visit item and one of the
 * multiple-visit item accepted in the period, three of four cases do (0.75), which reaches the 70 % target the item
 * count misses.
 */
class HandlingModesIT extends IntakeIT {

    static final String FIGURES = "/api/intake/statistics/handling-modes";

    @Autowired
    CatalogCopy catalog;

    @Test
    void sharesByVolumeAndByItemCountAgainstTheTargets() throws Exception {
        // department codes on the catalog topic are letters only
        String department =
                "ITM" + UUID.randomUUID().toString().replaceAll("[^a-f]", "").toUpperCase();
        String zeroVisit = announce(department, "ZERO_VISIT", 0);
        announce(department, "IMMEDIATE", 1);
        String multipleVisits = announce(department, "MULTIPLE_VISITS", 2);

        // Monday 13 September 2027: three zero-visit applications and one needing several visits, all accepted
        clock().set("2027-09-13T10:00");
        for (int i = 0; i < 3; i++) {
            accepted(zeroVisit);
        }
        accepted(multipleVisits);
        // Wednesday 15 September, outside the first period
        clock().set("2027-09-15T10:00");
        accepted(multipleVisits);

        JsonNode figures = getJson(supervisor(), FIGURES + "?from=2027-09-13&to=2027-09-14", 200);
        assertThat(figures.get("from").asString()).isEqualTo("2027-09-13");
        assertThat(figures.get("countedModes"))
                .extracting(JsonNode::asString)
                .containsExactly("ZERO_VISIT", "RUN_ONCE", "IMMEDIATE", "ONLINE_PRE_REVIEW");
        JsonNode mine = department(figures, department);

        JsonNode volume = mine.get("byVolume");
        assertThat(volume.get("applications").asLong()).isEqualTo(4);
        assertThat(volume.get("cases").asLong()).isEqualTo(4);
        assertThat(mode(volume, "ZERO_VISIT").get("count").asLong()).isEqualTo(3);
        assertThat(mode(volume, "ZERO_VISIT").get("share").asDouble()).isEqualTo(0.75);
        assertThat(mode(volume, "MULTIPLE_VISITS").get("share").asDouble()).isEqualTo(0.25);
        assertThat(mode(volume, "IMMEDIATE").get("count").asLong()).isZero();
        assertThat(volume.get("atMostOneVisitCases").asLong()).isEqualTo(3);
        assertThat(volume.get("atMostOneVisitShare").asDouble()).isEqualTo(0.75);

        JsonNode count = mine.get("byItemCount");
        assertThat(count.get("on").asString()).isEqualTo("2027-09-14");
        assertThat(count.get("items").asLong()).isEqualTo(3);
        assertThat(mode(count, "IMMEDIATE").get("count").asLong()).isEqualTo(1);
        assertThat(count.get("atMostOneVisitItems").asLong()).isEqualTo(2);
        assertThat(count.get("atMostOneVisitShare").asDouble()).isEqualTo(0.6667);

        // 50 % reached both ways, 70 % by volume only, 85 % neither; all three due long before 2027
        assertThat(mine.get("targets"))
                .extracting(
                        t -> t.get("share").asDouble(),
                        t -> t.get("due").asString(),
                        t -> t.get("dueByPeriodEnd").asBoolean(),
                        t -> t.get("reachedByVolume").asBoolean(),
                        t -> t.get("reachedByItemCount").asBoolean())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(0.5, "2018-03-15", true, true, true),
                        org.assertj.core.groups.Tuple.tuple(0.7, "2018-05-31", true, true, false),
                        org.assertj.core.groups.Tuple.tuple(0.85, "2018-07-31", true, false, false));

        // nobody else files in this period: overall the same four cases
        JsonNode overall = figures.get("overall").get("byVolume");
        assertThat(overall.get("applications").asLong()).isEqualTo(4);
        assertThat(overall.get("atMostOneVisitShare").asDouble()).isEqualTo(0.75);
        assertThat(figures.get("overall").get("byItemCount").get("items").asLong())
                .isGreaterThanOrEqualTo(count.get("items").asLong() + 14);

        // the Wednesday application counts in a period that includes it: 3 of 5
        JsonNode wider = department(getJson(supervisor(), FIGURES + "?from=2027-09-13&to=2027-09-15", 200), department);
        assertThat(wider.get("byVolume").get("cases").asLong()).isEqualTo(5);
        assertThat(mode(wider.get("byVolume"), "MULTIPLE_VISITS").get("count").asLong())
                .isEqualTo(2);
        assertThat(wider.get("byVolume").get("atMostOneVisitShare").asDouble()).isEqualTo(0.6);
        // a period without accepted business: nothing to divide, no target reached by volume
        JsonNode quiet = department(getJson(supervisor(), FIGURES + "?from=2027-09-16&to=2027-09-17", 200), department);
        assertThat(quiet.get("byVolume").get("cases").asLong()).isZero();
        assertThat(quiet.get("byVolume").get("atMostOneVisitShare").isNull()).isTrue();
        assertThat(quiet.get("targets"))
                .extracting(t -> t.get("reachedByVolume").asBoolean())
                .containsOnly(false);
    }

    @Test
    void onlySupervisorsSeeTheFiguresAndAReversedPeriodIsRefused() throws Exception {
        RequestPostProcessor me = applicant(newSubject(), person("钱七"));
        getJson(me, FIGURES, 403);
        getJson(clerk(newSubject()), FIGURES, 403);
        getJson(reviewer(newSubject(), "HRSS"), FIGURES, 403);
        getJson(departmentSystem("HRSS"), FIGURES, 403);
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(FIGURES))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status()
                        .isUnauthorized());

        JsonNode refused = getJson(supervisor(), FIGURES + "?from=2027-09-14&to=2027-09-13", 400);
        assertThat(refused.get("type").asString()).isEqualTo("https://runonce.org/problems/invalid-request");
        // the default period is this year so far
        JsonNode thisYear = getJson(supervisor(), FIGURES, 200);
        assertThat(thisYear.get("from").asString()).isEqualTo("2026-01-01");
        assertThat(thisYear.get("to").asString()).isEqualTo("2026-11-20");
    }

    /** An application of the item by a new applicant, accepted at once (complete, online). */
    private void accepted(String itemCode) throws Exception {
        Map<String, Object> qianQi = person("钱七");
        RequestPostProcessor me = applicant(newSubject(), qianQi);
        JsonNode application = submit(
                me,
                Map.of(
                        "itemCode",
                        itemCode,
                        "applicant",
                        qianQi,
                        "form",
                        Map.of("terminationDate", "2027-08-31", "insuredYears", 3),
                        "materials",
                        documents(me, "ID_CARD", "TERMINATION_PROOF")),
                201);
        assertThat(application.get("status").asString()).isEqualTo("ACCEPTED");
    }

    private static JsonNode department(JsonNode figures, String code) {
        List<JsonNode> matching = new ArrayList<>();
        figures.get("departments").forEach(d -> {
            if (code.equals(d.get("departmentCode").asString())) {
                matching.add(d);
            }
        });
        assertThat(matching).as("department " + code).hasSize(1);
        return matching.getFirst();
    }

    private static JsonNode mode(JsonNode shares, String mode) {
        List<JsonNode> matching = new ArrayList<>();
        shares.get("byHandlingMode").forEach(m -> {
            if (mode.equals(m.get("mode").asString())) {
                matching.add(m);
            }
        });
        assertThat(matching).as("mode " + mode).hasSize(1);
        return matching.getFirst();
    }

    /**
     * A new item of the department in force from 2026-01-01 with the handling mode, a copy of the demo's
     * unemployment-benefit guide (its form and materials), announced on the catalog topic as the catalog does and
     * awaited into intake's copy.
     */
    private String announce(String department, String mode, int visits) {
        String code = "it-modes-" + UUID.randomUUID().toString().substring(0, 8);
        ObjectNode version = (ObjectNode) DemoCatalog.events().stream()
                .filter(e -> e.subject().equals("hrss-unemployment-benefit"))
                .findFirst()
                .orElseThrow()
                .data()
                .deepCopy();
        version.put("itemCode", code);
        version.put("departmentCode", department);
        version.put("handlingMode", mode);
        version.put("visitsRequired", visits);
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
                    .inDepartment(department);
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
