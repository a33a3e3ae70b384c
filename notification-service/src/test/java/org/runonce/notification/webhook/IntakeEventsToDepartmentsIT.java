package org.runonce.notification.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.runonce.contracts.Topics;
import org.runonce.contracts.catalog.Name;
import org.runonce.contracts.intake.Applicant;
import org.runonce.contracts.intake.ApplicationAccepted;
import org.runonce.contracts.intake.ApplicationMaterialsSupplied;
import org.runonce.contracts.intake.ApplicationWithdrawn;
import org.runonce.contracts.intake.MaterialReference;
import org.runonce.contracts.notification.WebhookSignatures;
import org.runonce.notification.NotificationIT;
import org.runonce.notification.TestEvents;
import org.runonce.starter.testing.MovableClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Intake's events reach department systems (issue 17 item 9), scoped like approval's: an application with cases of
 * two departments is accepted, supplied with a material for one department's case and withdrawn; each department's
 * subscription receives its own view (its department, its cases only), a third department receives nothing, and no
 * view names another department's case.
 */
@NotificationIT
class IntakeEventsToDepartmentsIT {

    static final String SECRET = Subscribing.SECRET;
    static final String INTAKE = "org.runonce.intake.application.";

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MovableClock clock;

    @Autowired
    WebhookDispatcher dispatcher;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @Test
    void eachDepartmentReceivesItsOwnViewOfAnApplicationsEventsAndNoOtherDepartmentsCases() throws Exception {
        String run = Long.toString(System.nanoTime(), 36).toUpperCase();
        String a = "IA-" + run;
        String b = "IB-" + run;
        String c = "IC-" + run;
        String number = "330000-" + run;
        String a1 = number + "-01";
        String b2 = number + "-02";
        String a3 = number + "-03";
        try (Receiver receiverA = new Receiver(clock::instant);
                Receiver receiverB = new Receiver(clock::instant);
                Receiver receiverC = new Receiver(clock::instant);
                TestEvents kafka = new TestEvents(bootstrapServers, json)) {
            String subA = subscribe(a, receiverA.url());
            String subB = subscribe(b, receiverB.url());
            String subC = subscribe(c, receiverC.url());

            var applicant = new Applicant(
                    "sub-" + run, "张三", Applicant.NATURAL_PERSON, "110101199003074514", "zh-CN", null, null);
            var accepted = new ApplicationAccepted(
                    number,
                    "company-startup",
                    applicant,
                    "ONLINE",
                    "330000",
                    null,
                    Instant.now(),
                    10,
                    LocalDate.now().plusDays(14),
                    true,
                    LocalDate.now().plusDays(5),
                    List.of(
                            new ApplicationAccepted.MissingMaterial(
                                    "ARTICLES", new Name("章程", "Articles"), List.of(b2)),
                            new ApplicationAccepted.MissingMaterial(
                                    "LEASE", new Name("租赁合同", "Lease"), List.of(a1, b2))),
                    Map.of("companyName", "示例有限公司"),
                    List.of(
                            new ApplicationAccepted.Case(a1, "ITEM-A1", 1, a, List.of(), 5, List.of()),
                            new ApplicationAccepted.Case(b2, "ITEM-B2", 1, b, List.of(a1), 3, List.of()),
                            new ApplicationAccepted.Case(a3, "ITEM-A3", 1, a, List.of(), 2, List.of())));
            kafka.send(
                    Topics.INTAKE,
                    TestEvents.event("/runonce/intake", ApplicationAccepted.TYPE, number, null, accepted));
            kafka.send(
                    Topics.INTAKE,
                    TestEvents.event(
                            "/runonce/intake",
                            ApplicationMaterialsSupplied.TYPE,
                            number,
                            null,
                            new ApplicationMaterialsSupplied(
                                    number,
                                    List.of(new ApplicationMaterialsSupplied.CaseMaterials(
                                            b2, List.of(new MaterialReference("ARTICLES", "doc-1", null, null)))),
                                    List.of("LEASE"),
                                    Instant.now())));
            kafka.send(
                    Topics.INTAKE,
                    TestEvents.event(
                            "/runonce/intake",
                            ApplicationWithdrawn.TYPE,
                            number,
                            null,
                            new ApplicationWithdrawn(
                                    number, "changed my mind", List.of(a1, b2, a3), "zhang.san", Instant.now())));
            // an intake event that concerns no department's cases goes to nobody
            kafka.send(
                    Topics.INTAKE,
                    TestEvents.event(
                            "/runonce/intake",
                            INTAKE + "submitted.v1",
                            number,
                            null,
                            Map.of("applicationNumber", number)));

            await().atMost(Duration.ofSeconds(60)).until(() -> count(subA) == 2 && count(subB) == 3);
            dispatcher.dispatchDue();
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> receiverA.received.size() == 2 && receiverB.received.size() == 3);

            assertThat(count(subC)).isZero();
            assertThat(receiverC.received).isEmpty();

            for (Receiver.Received r : receiverA.received) {
                assertThat(r.body())
                        .doesNotContain(b2)
                        .doesNotContain("ITEM-B2")
                        .doesNotContain("ARTICLES");
                assertThat(WebhookSignatures.verify(
                                SECRET, r.signature(), r.body().getBytes(StandardCharsets.UTF_8), r.receivedAt(), 300))
                        .isTrue();
            }
            for (Receiver.Received r : receiverB.received) {
                // the number of the case its case depends on is the one thing of department A it sees: it waits for it
                assertThat(r.body()).doesNotContain(a3).doesNotContain("ITEM-A");
            }

            JsonNode acceptedA = event(receiverA, ApplicationAccepted.TYPE);
            assertThat(acceptedA.get("department").asString()).isEqualTo(a);
            assertThat(acceptedA.get("subject").asString()).isEqualTo(number);
            assertThat(values(acceptedA.at("/data/cases"), "caseNumber")).containsExactly(a1, a3);
            assertThat(values(acceptedA.at("/data/missingMaterials"), "code")).containsExactly("LEASE");
            assertThat(acceptedA.at("/data/missingMaterials/0/neededByCases/0").asString())
                    .isEqualTo(a1);
            assertThat(acceptedA.at("/data/form/companyName").asString()).isEqualTo("示例有限公司");
            // the department handling a case gets the applicant's number (its case file); the delivery log keeps the
            // body encrypted
            assertThat(acceptedA.at("/data/applicant/idNumber").asString()).isEqualTo("110101199003074514");
            assertThat(jdbc.sql("select body from delivery where subscription_id = cast(? as uuid)")
                            .param(subA)
                            .query(String.class)
                            .list())
                    .hasSize(2)
                    .allSatisfy(body -> assertThat(body).startsWith("pd1:").doesNotContain("110101199003074514"));
            assertThat(strings(event(receiverA, ApplicationWithdrawn.TYPE).at("/data/caseNumbers")))
                    .containsExactly(a1, a3);

            JsonNode acceptedB = event(receiverB, ApplicationAccepted.TYPE);
            assertThat(acceptedB.get("department").asString()).isEqualTo(b);
            assertThat(values(acceptedB.at("/data/cases"), "caseNumber")).containsExactly(b2);
            assertThat(values(acceptedB.at("/data/missingMaterials"), "code")).containsExactly("ARTICLES", "LEASE");
            assertThat(strings(acceptedB.at("/data/missingMaterials/1/neededByCases")))
                    .containsExactly(b2);
            assertThat(strings(acceptedB.at("/data/cases/0/dependsOn"))).containsExactly(a1);
            assertThat(values(
                            event(receiverB, ApplicationMaterialsSupplied.TYPE).at("/data/cases"), "caseNumber"))
                    .containsExactly(b2);
            assertThat(strings(event(receiverB, ApplicationWithdrawn.TYPE).at("/data/caseNumbers")))
                    .containsExactly(b2);
        }
    }

    private JsonNode event(Receiver receiver, String type) {
        return receiver.received.stream()
                .map(r -> json.readTree(r.body()))
                .filter(e -> e.get("type").asString().equals(type))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + type));
    }

    private static List<String> values(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        array.forEach(e -> values.add(e.get(field).asString()));
        return values;
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(e -> values.add(e.asString()));
        return values;
    }

    private String subscribe(String department, String url) throws Exception {
        return Subscribing.subscribe(mvc, json, department, url, List.of(INTAKE + "*"));
    }

    private int count(String subscription) {
        return jdbc.sql("select count(*) from delivery where subscription_id = cast(? as uuid)")
                .param(subscription)
                .query(Integer.class)
                .single();
    }
}
