package org.runonce.intake.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.runonce.contracts.CloudEvent;
import org.runonce.contracts.Topics;
import org.runonce.contracts.approval.CaseClock;
import org.runonce.contracts.approval.CaseDecided;
import org.runonce.contracts.approval.CaseHeader;
import org.runonce.intake.IntakeIT;
import org.runonce.localstack.LocalInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A department reads the documents of its own cases, while their application runs and for the retention
 * ({@code documents.grant-retention}, 200 days) after it ended; then it gets the same 404 as a department that never
 * had a case; a document reused by another open application stays readable through that application's grant.
 */
class DocumentGrantsIT extends IntakeIT {

    /** {@code runonce.intake.documents.grant-retention}'s default, which the ITs run with. */
    private static final Duration RETENTION = Duration.ofDays(200);

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    UnusedDocuments unused;

    @Test
    void aDepartmentReadsTheMaterialsOfItsOwnCasesOnly() throws Exception {
        RequestPostProcessor me = applicant(newSubject(), person("张三"));
        String number = acceptedCompanyStartup(me, me);
        Map<String, String> documents = documentsOf(me, number);
        String sealApplication = documents.get("SEAL_ENGRAVING_APPLICATION"); // PSB's seal case only
        String financeOfficer = documents.get("FINANCE_OFFICER_ID"); // TAX's case only
        String idCard = documents.get("ID_CARD"); // every case

        assertThat(reads(departmentSystem("PSB"), sealApplication)).isEqualTo(200);
        assertThat(reads(reviewer("tax-reviewer", "TAX"), financeOfficer)).isEqualTo(200);
        assertThat(reads(reviewer("hsa-reviewer", "HSA"), idCard)).isEqualTo(200);
        // TAX has a case on the application, but none that uses the seal engraving application
        assertThat(reads(reviewer("tax-reviewer", "TAX"), sealApplication)).isEqualTo(404);
        assertThat(reads(departmentSystem("TAX"), sealApplication)).isEqualTo(404);
        assertThat(reads(reviewer("psb-reviewer", "PSB"), financeOfficer)).isEqualTo(404);
        // a department without a case reads nothing
        assertThat(reads(reviewer("health-reviewer", "HEALTH"), idCard)).isEqualTo(404);
    }

    @Test
    void aCompletedApplicationsMaterialsAreReadUntilTheRetentionEndsThenNotFoundAsIfNeverGranted() throws Exception {
        LocalInfrastructure.kafka().createTopic(Topics.APPROVAL, 1);
        Map<String, Object> self = person("丁");
        RequestPostProcessor me = applicant(newSubject(), self);
        List<Map<String, Object>> materials = documents(me, "ID_CARD", "TERMINATION_PROOF");
        JsonNode accepted = submit(me, unemploymentBenefit(self, materials), 201);
        assertThat(accepted.get("status").asString()).isEqualTo("ACCEPTED");
        String number = accepted.get("number").asString();
        String idCard = (String) materials.getFirst().get("documentId");
        assertThat(reads(reviewer("hrss-reviewer", "HRSS"), idCard)).isEqualTo(200);
        assertThat(reads(departmentSystem("TAX"), idCard)).isEqualTo(404);

        publishAsApproval(decided(number, accepted.get("cases").get(0), clock.instant()));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(getJson(me, "/api/intake/applications/" + number, 200)
                                .get("status")
                                .asString())
                        .isEqualTo("COMPLETED"));
        Instant ended = clock.instant(); // the test clock stands still: intake applied the decision at this instant

        clock().set(ended.plus(RETENTION).minusSeconds(60));
        assertThat(reads(reviewer("hrss-reviewer", "HRSS"), idCard)).isEqualTo(200);
        assertThat(reads(departmentSystem("HRSS"), idCard)).isEqualTo(200);

        clock().set(ended.plus(RETENTION));
        assertThat(reads(reviewer("hrss-reviewer", "HRSS"), idCard)).isEqualTo(404);
        assertThat(reads(departmentSystem("HRSS"), idCard)).isEqualTo(404);
        // the department learns nothing it would not learn about a document it was never granted
        assertThat(notFound(reviewer("hrss-reviewer", "HRSS"), idCard))
                .isEqualTo(notFound(reviewer("tax-reviewer", "TAX"), idCard));
        // the owner still reads it, and the expiry of unused uploads keeps it: its application uses it
        getJson(me, "/api/intake/documents/" + idCard, 200);
        unused.round();
        assertThat(jdbc.sql("select expired_at is null from document where id = ?")
                        .param(UUID.fromString(idCard))
                        .query(Boolean.class)
                        .single())
                .isTrue();
        getJson(me, "/api/intake/documents/" + idCard, 200);
    }

    @Test
    void aDocumentReusedByASecondOpenApplicationOfTheDepartmentStaysReadableThroughIt() throws Exception {
        Map<String, Object> self = person("戊");
        RequestPostProcessor me = applicant(newSubject(), self);
        List<Map<String, Object>> firstMaterials = documents(me, "ID_CARD", "TERMINATION_PROOF");
        String idCard = (String) firstMaterials.get(0).get("documentId");
        String firstProof = (String) firstMaterials.get(1).get("documentId");
        JsonNode first = submit(me, unemploymentBenefit(self, firstMaterials), 201);
        assertThat(first.get("status").asString()).isEqualTo("ACCEPTED");
        List<Map<String, Object>> secondMaterials = new ArrayList<>(documents(me, "TERMINATION_PROOF"));
        secondMaterials.add(Map.of("code", "ID_CARD", "documentId", idCard));
        JsonNode second = submit(me, unemploymentBenefit(self, secondMaterials), 201);
        assertThat(second.get("status").asString()).isEqualTo("ACCEPTED");

        // the first application ends while the second, using the same ID card, runs on
        postJson(
                me,
                "/api/intake/applications/" + first.get("number").asString() + "/withdrawal",
                Map.of("reason", "重复申请，撤回前一件"),
                200);
        clock().set(clock.instant().plus(RETENTION).plus(Duration.ofDays(1)));

        // the ID card through the second application's grant; the first one's proof no longer
        assertThat(reads(reviewer("hrss-reviewer", "HRSS"), idCard)).isEqualTo(200);
        assertThat(reads(reviewer("hrss-reviewer", "HRSS"), firstProof)).isEqualTo(404);
        assertThat(reads(departmentSystem("HRSS"), firstProof)).isEqualTo(404);
    }

    /**
     * V15 turns each grant made before it (every document of the application to every department with a case) into
     * the grants the new rule makes: run on this application's state, its derivation gives exactly what granting
     * per case gave.
     */
    @Test
    void theMigrationDerivesFromOldGrantsWhatGrantingPerCaseGives() throws Exception {
        RequestPostProcessor me = applicant(newSubject(), person("己"));
        String number = acceptedCompanyStartup(me, me);
        List<String> granted = grantsOf(number);
        // SAMR's case five documents; PSB's, TAX's, HRSS's and HSA's two each (the ID card and one of their own)
        assertThat(granted).hasSize(5 + 2 + 2 + 2 + 2);

        String derivation = migrationDerivation();
        List<String> derived = transactions.execute(tx -> {
            tx.setRollbackOnly();
            jdbc.sql("create temp table document_grant_before_v15 (document_id uuid, department_code text)"
                            + " on commit drop")
                    .update();
            // what the old rule granted: every document of the application to every department with a case on it
            jdbc.sql("""
                            insert into document_grant_before_v15
                            select distinct (p.value ->> 'documentId')::uuid, c ->> 'departmentCode'
                            from application a, jsonb_each(a.state -> 'provisions') p,
                                 jsonb_array_elements(a.state -> 'cases') c
                            where a.number = ? and p.value ->> 'documentId' is not null""").param(number).update();
            jdbc.sql("delete from document_grant where application_number = ?")
                    .param(number)
                    .update();
            jdbc.sql(derivation).update();
            return grantsOf(number);
        });
        assertThat(derived).containsExactlyInAnyOrderElementsOf(granted);
    }

    private List<String> grantsOf(String number) {
        return jdbc.sql("""
                        select document_id || ' ' || department_code || ' ' || coalesce(expires_at::text, 'live')
                        from document_grant where application_number = ?""").param(number).query(String.class).list();
    }

    /** The statement of V15 that makes grants of the old ones. */
    private static String migrationDerivation() throws IOException {
        String migration = new ClassPathResource("db/migration/V15__document_grant_per_application.sql")
                .getContentAsString(StandardCharsets.UTF_8);
        int start = migration.indexOf("insert into document_grant ");
        return migration.substring(start, migration.indexOf(';', start));
    }

    private int reads(RequestPostProcessor who, String documentId) throws Exception {
        int metadata = mvc.perform(get("/api/intake/documents/" + documentId).with(who))
                .andReturn()
                .getResponse()
                .getStatus();
        mvc.perform(get("/api/intake/documents/" + documentId + "/content").with(who))
                .andExpect(status().is(metadata));
        return metadata;
    }

    /** The problem answered for a document the caller may not read, but for its request id. */
    private JsonNode notFound(RequestPostProcessor who, String documentId) throws Exception {
        ObjectNode problem = (ObjectNode) getJson(who, "/api/intake/documents/" + documentId, 404);
        problem.remove("requestId");
        return problem;
    }

    /** The document handed in for each material code, as the applicant's view of the application lists them. */
    private Map<String, String> documentsOf(RequestPostProcessor applicant, String number) throws Exception {
        Map<String, String> documents = new HashMap<>();
        getJson(applicant, "/api/intake/applications/" + number, 200)
                .get("materials")
                .forEach(m -> {
                    if (m.hasNonNull("documentId")) {
                        documents.put(
                                m.get("code").asString(), m.get("documentId").asString());
                    }
                });
        return documents;
    }

    private static Map<String, Object> unemploymentBenefit(
            Map<String, Object> applicant, List<Map<String, Object>> materials) {
        return Map.of(
                "itemCode",
                "hrss-unemployment-benefit",
                "applicant",
                applicant,
                "form",
                Map.of("terminationDate", "2026-10-31"),
                "materials",
                materials);
    }

    /** HRSS approved the case, as approval publishes it. */
    private static CloudEvent<CaseDecided> decided(String number, JsonNode c, Instant at) {
        CaseClock clock = new CaseClock(
                c.get("promisedWorkingDays").asInt(),
                LocalDate.parse("2026-11-20"),
                LocalDate.parse("2026-11-27"),
                0,
                c.get("promisedWorkingDays").asInt(),
                0,
                false,
                false,
                false);
        return CloudEvent.of(
                        UUID.randomUUID().toString(),
                        "/runonce/approval",
                        CaseDecided.TYPE,
                        at,
                        c.get("caseNumber").asString(),
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
                                        clock),
                                "APPROVED",
                                null,
                                null,
                                at,
                                false,
                                true,
                                null))
                .inDepartment(c.get("departmentCode").asString());
    }
}
