package org.runonce.approval.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.runonce.approval.Tokens.head;
import static org.runonce.approval.Tokens.reviewer;
import static org.runonce.approval.Tokens.supervisor;
import static org.runonce.approval.Tokens.system;
import static org.runonce.approval.Tokens.systemAccount;
import static org.runonce.approval.Tokens.token;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.runonce.approval.ApprovalTopic;
import org.runonce.approval.Fixtures;
import org.runonce.approval.RunningApproval;
import org.runonce.contracts.EventSchemas;
import org.runonce.contracts.Topics;
import org.runonce.localstack.LocalInfrastructure;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/**
 * The company start-up bundle (开办企业) end to end inside approval, on real PostgreSQL and Kafka: intake's
 * ApplicationAccepted arrives on Kafka, five cases open in five departments with four waiting; the licence is
 * reviewed and approved; its e-certificate is attached to the four, which start; every step went out as a
 * CloudEvent valid against its schema; departments only see their own cases.
 */
class CompanyStartupIT extends RunningApproval {

    @BeforeEach
    void today() {
        clock.setDay("2026-09-22"); // a Tuesday
    }

    String accept() {
        String app = Fixtures.newApplicationNumber();
        var accepted = Fixtures.companyStartupAccepted(app, clock.instant());
        // what intake would send: valid against intake's schema
        assertThat(EventSchemas.violations(EventSchemas.schemaOf(accepted.type()), json.writeValueAsString(accepted)))
                .isEmpty();
        Fixtures.send(LocalInfrastructure.kafka().bootstrapServers(), Topics.INTAKE, List.of(accepted));
        await().atMost(Duration.ofSeconds(60)).until(() -> casesOf(app) == 5);
        return app;
    }

    int casesOf(String app) {
        return jdbc.sql("select count(*) from approval_case where application_number = ?")
                .param(app)
                .query(Integer.class)
                .single();
    }

    JsonNode read(String number, org.springframework.test.web.servlet.request.RequestPostProcessor who)
            throws Exception {
        String body = mvc.perform(get(CASES + number).with(who))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return json.readTree(body);
    }

    @Test
    void acceptedBundleOpensFiveCasesFourWaitingAndTheLicenceStartsThem() throws Exception {
        String app = accept();
        String licence = app + "-01";

        // five cases, each in its item's department; only the licence runs
        Map<String, String> departments =
                Map.of("-01", "SAMR", "-02", "PSB", "-03", "TAX", "-04", "HRSS", "-05", "HSA");
        for (var entry : departments.entrySet()) {
            var c = read(app + entry.getKey(), reviewer(entry.getValue(), "reviewer." + entry.getValue()));
            assertThat(c.get("departmentCode").asString()).isEqualTo(entry.getValue());
            assertThat(c.get("itemVersion").asInt()).isEqualTo(1);
            assertThat(c.get("status").asString()).isEqualTo(entry.getKey().equals("-01") ? "PENDING" : "WAITING");
        }
        var waiting = read(app + "-02", reviewer("PSB", "zhao.psb"));
        assertThat(waiting.get("clock").get("startedOn").isNull()).isTrue();
        assertThat(waiting.get("dependsOn").get(0).get("caseNumber").asString()).isEqualTo(licence);

        // the PSB queue shows its waiting case, the SAMR queue its pending one
        mvc.perform(get("/api/approval/cases").param("assignee", "none").with(reviewer("PSB", "zhao.psb")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].number", hasItem(app + "-02")));
        mvc.perform(get("/api/approval/cases").param("status", "PENDING").with(reviewer("SAMR", "li.samr")))
                .andExpect(jsonPath("$[*].number", hasItem(licence)));

        // SAMR reviews and approves the licence on the next working day
        clock.setDay("2026-09-23");
        mvc.perform(post(CASES + licence + "/start-review").with(reviewer("SAMR", "li.samr")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("IN_REVIEW"))
                .andExpect(jsonPath("$.assignee").value("li.samr"))
                .andExpect(jsonPath("$.step").value("REVIEW"));
        mvc.perform(post(CASES + licence + "/advance").with(reviewer("SAMR", "li.samr")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.step").value("DECIDE"));
        String approved = mvc.perform(post(CASES + licence + "/approve")
                        .with(reviewer("SAMR", "li.samr"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"reason": "材料齐全，符合法定形式",
                                 "certificate": {"holderName": "杭州一次办科技有限公司",
                                                 "content": {"companyName": "杭州一次办科技有限公司",
                                                             "registeredCapital": "100万元"}}}"""))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("APPROVED"))
                .andExpect(jsonPath("$.step").value("ISSUE"))
                .andExpect(jsonPath("$.decision.onTime").value(true))
                .andExpect(jsonPath("$.decision.certificateNumber", startsWith("BUSINESS_LICENCE-2026-")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String certificate =
                json.readTree(approved).get("decision").get("certificateNumber").asString();

        // the four start today with the licence attached as the material they needed
        for (var entry : departments.entrySet()) {
            if (entry.getKey().equals("-01")) {
                continue;
            }
            var c = read(app + entry.getKey(), reviewer(entry.getValue(), "reviewer." + entry.getValue()));
            assertThat(c.get("status").asString()).isEqualTo("PENDING");
            assertThat(c.get("clock").get("startedOn").asString()).isEqualTo("2026-09-23");
            assertThat(c.get("clock").get("running").asBoolean()).isTrue();
            assertThat(c.get("materials").findValuesAsString("certificateNumber"))
                    .contains(certificate);
        }
        // the HSA case listed no material for it: attached under the material its guide says the licence satisfies
        var medical = read(app + "-05", reviewer("HSA", "sun.hsa"));
        assertThat(medical.get("materials").get(0).get("code").asString()).isEqualTo("BUSINESS_LICENCE_COPY");

        // the next department's reviewer reads the certificate in full, without the applicant bringing anything
        mvc.perform(get(CASES + app + "-02/certificates/" + certificate).with(reviewer("PSB", "zhao.psb")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.holder.name").value("杭州一次办科技有限公司"))
                .andExpect(jsonPath("$.content.registeredCapital").value("100万元"))
                .andExpect(jsonPath("$.jws").isNotEmpty());
        mvc.perform(get(CASES + app + "-02/audit").with(reviewer("PSB", "zhao.psb")))
                .andExpect(jsonPath("$[*].action", hasItem("CERTIFICATE_VIEWED")))
                .andExpect(jsonPath("$[*].action", hasItem("STARTED")));
        mvc.perform(post("/api/approval/certificates/verify")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of(
                                "certificateNumber",
                                certificate,
                                "content",
                                Map.of(
                                        "holderName", "杭州一次办科技有限公司",
                                        "itemName", "公司设立登记",
                                        "applicationNumber", app,
                                        "caseNumber", licence,
                                        "departmentCode", "SAMR",
                                        "companyName", "杭州一次办科技有限公司",
                                        "registeredCapital", "100万元")))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.valid").value(true));

        // every step went out on runonce.approval.v1, keyed by case, with the department, valid against its schema
        try (var topic = new ApprovalTopic(LocalInfrastructure.kafka().bootstrapServers())) {
            var records = topic.awaitRecords(
                    ApprovalTopic.ofApplication(app),
                    seen -> ApprovalTopic.count(seen, ".case.opened.v1") == 5
                            && ApprovalTopic.count(seen, ".case.started.v1") == 4
                            && ApprovalTopic.count(seen, ".certificate.issued.v1") == 1,
                    Duration.ofSeconds(60));
            assertThat(ApprovalTopic.count(records, ".case.review-started.v1")).isEqualTo(1);
            assertThat(ApprovalTopic.count(records, ".case.step-advanced.v1")).isEqualTo(1);
            assertThat(ApprovalTopic.count(records, ".case.decided.v1")).isEqualTo(1);
            for (var r : records) {
                assertThat(r.key()).isEqualTo(r.subject());
                assertThat(EventSchemas.violations(EventSchemas.schemaOf(r.type()), r.body()))
                        .as(r.body())
                        .isEmpty();
                assertThat(r.event().get("department").asString())
                        .isEqualTo(departments.get(
                                r.subject().substring(r.subject().length() - 3)));
            }
            var started = topic.matching(r ->
                            r.type().endsWith(".case.started.v1") && r.subject().equals(app + "-02"))
                    .getFirst();
            assertThat(started.event()
                            .get("data")
                            .get("attachedCertificates")
                            .get(0)
                            .get("certificateNumber")
                            .asString())
                    .isEqualTo(certificate);
        }
    }

    @Test
    void aDepartmentOnlySeesAndActsOnItsOwnCases() throws Exception {
        String app = accept();
        String licence = app + "-01";

        // another department's reviewer: as if the case did not exist
        mvc.perform(get(CASES + licence).with(reviewer("PSB", "zhao.psb")))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://runonce.org/problems/not-found"));
        mvc.perform(post(CASES + licence + "/claim").with(reviewer("PSB", "zhao.psb")))
                .andExpect(status().isNotFound());
        mvc.perform(post(CASES + licence + "/start-review").with(head("PSB", "head.psb")))
                .andExpect(status().isNotFound());
        mvc.perform(get(CASES + licence + "/audit").with(reviewer("TAX", "qian.tax")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/approval/cases").param("department", "SAMR").with(reviewer("PSB", "zhao.psb")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/approval/cases").with(reviewer("PSB", "zhao.psb")))
                .andExpect(jsonPath(
                        "$[*].departmentCode", org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.is("PSB"))));

        // the department's own system reads and acts like its reviewers (DepartmentSystemIT walks it through);
        // supervisors read everything, act on nothing
        mvc.perform(get(CASES + licence).with(system("SAMR"))).andExpect(status().isOk());
        mvc.perform(post(CASES + licence + "/claim").with(system("SAMR")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.assignee").value(systemAccount("SAMR")));
        mvc.perform(post(CASES + licence + "/release").with(system("SAMR")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.assignee").isEmpty());
        mvc.perform(post(CASES + licence + "/claim").with(system("TAX"))).andExpect(status().isNotFound());
        mvc.perform(get(CASES + licence).with(supervisor())).andExpect(status().isOk());
        mvc.perform(post(CASES + licence + "/claim").with(supervisor())).andExpect(status().isForbidden());

        // applicants and anonymous callers are not let in
        mvc.perform(get(CASES + licence).with(token("applicant", null, "applicant")))
                .andExpect(status().isForbidden());
        mvc.perform(get(CASES + licence)).andExpect(status().isUnauthorized());

        // within SAMR: claimed by one reviewer, another cannot act; the head assigns
        mvc.perform(post(CASES + licence + "/claim").with(reviewer("SAMR", "li.samr")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.assignee").value("li.samr"));
        mvc.perform(post(CASES + licence + "/claim").with(reviewer("SAMR", "zhou.samr")))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("https://runonce.org/problems/claimed-by-other"));
        mvc.perform(post(CASES + licence + "/start-review").with(reviewer("SAMR", "zhou.samr")))
                .andExpect(status().isConflict());
        mvc.perform(post(CASES + licence + "/assign")
                        .with(reviewer("SAMR", "li.samr"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"assignee\": \"zhou.samr\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(post(CASES + licence + "/assign")
                        .with(head("SAMR", "head.samr"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"assignee\": \"zhou.samr\", \"reason\": \"li.samr on leave\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.assignee").value("zhou.samr"));
        mvc.perform(post(CASES + licence + "/start-review").with(reviewer("SAMR", "zhou.samr")))
                .andExpect(status().isOk());
        mvc.perform(get(CASES + licence + "/audit").with(head("SAMR", "head.samr")))
                .andExpect(jsonPath("$[*].action", hasItem("CLAIMED")))
                .andExpect(jsonPath("$[?(@.action == 'ASSIGNED')].reason").value(hasItem("li.samr on leave")));
    }

    @Test
    void theOpenApiDocumentDescribesTheApi() throws Exception {
        mvc.perform(get("/api/approval/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/approval/cases/{number}/approve']")
                        .exists())
                .andExpect(jsonPath("$.paths['/api/approval/cases/{number}/audit/verify']")
                        .exists())
                .andExpect(jsonPath("$.paths['/api/approval/.well-known/jwks.json']")
                        .exists())
                .andExpect(
                        jsonPath("$.paths['/api/approval/certificates/verify']").exists())
                .andExpect(jsonPath("$.paths['/api/approval/window-decisions']").exists())
                .andExpect(jsonPath("$.paths['/api/approval/supervision/statistics']")
                        .exists());
    }

    @Test
    void aRedeliveredApplicationOpensNothingTwice() {
        String app = Fixtures.newApplicationNumber();
        var accepted = Fixtures.companyStartupAccepted(app, Instant.parse("2026-09-22T02:00:00Z"));
        var sameCasesNewEvent = accepted.withData(accepted.data());
        var redelivery = org.runonce.contracts.CloudEvent.of(
                java.util.UUID.randomUUID().toString(),
                accepted.source(),
                accepted.type(),
                accepted.time(),
                accepted.subject(),
                accepted.data());
        Fixtures.send(
                LocalInfrastructure.kafka().bootstrapServers(),
                Topics.INTAKE,
                List.of(accepted, sameCasesNewEvent, redelivery));
        await().atMost(Duration.ofSeconds(60)).until(() -> casesOf(app) == 5);
        // the three records are processed in order on one partition; a marker after them proves they all were
        String marker = accept();
        assertThat(casesOf(marker)).isEqualTo(5);
        assertThat(casesOf(app)).isEqualTo(5);
        assertThat(jdbc.sql("select count(*) from audit_entry where case_number like ? and action = 'OPENED'")
                        .param(app + "-%")
                        .query(Integer.class)
                        .single())
                .isEqualTo(5);
    }
}
