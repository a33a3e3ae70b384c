package org.runonce.approval.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.runonce.approval.Tokens.applicant;
import static org.runonce.approval.Tokens.reviewer;
import static org.runonce.approval.Tokens.supervisor;
import static org.runonce.approval.Tokens.system;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.runonce.approval.Fixtures;
import org.runonce.approval.RunningApproval;
import org.runonce.contracts.CloudEvent;
import org.runonce.contracts.Topics;
import org.runonce.contracts.catalog.Name;
import org.runonce.contracts.intake.ApplicationAccepted;
import org.runonce.contracts.intake.ApplicationSupplementRequested;
import org.runonce.contracts.intake.Deficiency;
import org.runonce.localstack.LocalInfrastructure;
import tools.jackson.databind.JsonNode;

/**
 * The case file on real PostgreSQL and Kafka: intake's one-time notice and acceptance arrive on Kafka; the licence's
 * reviewer reads the form, the applicant, the materials with their document links and the notice, approves with one
 * edit and the certificate carries what the form said (nothing keyed in again); the next department's file shows the
 * licence attached. Another department, an applicant and an anonymous caller read nothing, and leave no trace.
 */
class CaseFileIT extends RunningApproval {

    static final String COMPANY = "杭州一次办科技有限公司";

    String app;
    String licence;
    ApplicationSupplementRequested notice;
    ApplicationAccepted acceptance;

    @BeforeEach
    void filed() {
        clock.setDay("2026-09-22");
        app = Fixtures.newApplicationNumber();
        licence = app + "-01";
        var accepted = Fixtures.companyStartupAccepted(app, clock.instant());
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("companyName", COMPANY);
        form.put("registeredCapitalYuan", 1_000_000);
        form.put("businessScope", "软件开发");
        form.put("legalRepresentativeName", "王小明");
        form.put("sealCount", 2);
        var data = accepted.data();
        var withForm = new ApplicationAccepted(
                data.applicationNumber(),
                data.bundleCode(),
                data.applicant(),
                data.channel(),
                data.region(),
                data.filedBy(),
                data.acceptedAt(),
                data.promisedWorkingDays(),
                data.promisedCompletionDate(),
                data.withDeficiencies(),
                data.pledgeDate(),
                data.missingMaterials(),
                form,
                data.cases());
        acceptance = withForm;
        notice = new ApplicationSupplementRequested(
                app,
                app + "-N1",
                false,
                List.of(new Deficiency(
                        "COMPANY_REGISTRATION_APPLICATION",
                        new Name("公司登记申请书", "Company registration application"),
                        "MISSING",
                        "未提交公司登记申请书",
                        null,
                        true,
                        List.of(Fixtures.LICENCE))),
                false,
                "/api/intake/applications/" + app + "/notices/" + app + "-N1",
                data.applicant(),
                Instant.parse("2026-09-21T02:00:00Z"));
        List<CloudEvent<?>> events = List.of(
                Fixtures.intakeEvent(ApplicationSupplementRequested.TYPE, app, notice),
                Fixtures.intakeEvent(ApplicationAccepted.TYPE, app, withForm));
        Fixtures.send(LocalInfrastructure.kafka().bootstrapServers(), Topics.INTAKE, events);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> jdbc.sql("select count(*) from approval_case where application_number = ?")
                                .param(app)
                                .query(Integer.class)
                                .single()
                        == 5);
    }

    @Test
    void theReviewerReadsWhatWasFiledAndTheLicenceIsIssuedFromTheFormWithOneEdit() throws Exception {
        var li = reviewer("SAMR", "li.samr");
        JsonNode file = getJson(CASES + licence + "/file", li);

        assertThat(file.path("caseNumber").asString()).isEqualTo(licence);
        assertThat(file.path("applicant").path("name").asString()).isEqualTo("王小明");
        assertThat(file.path("applicant").path("idNumber").asString()).isEqualTo("330102199001011234");
        var acceptance = file.path("acceptance");
        assertThat(acceptance.path("channel").asString()).isEqualTo("ONLINE");
        assertThat(acceptance.path("form").path("companyName").asString()).isEqualTo(COMPANY);
        assertThat(acceptance.path("form").path("registeredCapitalYuan").asInt())
                .isEqualTo(1_000_000);
        var material = file.path("materials").get(0);
        assertThat(material.path("code").asString()).isEqualTo("COMPANY_REGISTRATION_APPLICATION");
        assertThat(material.path("name").path("zh").asString()).isEqualTo("COMPANY_REGISTRATION_APPLICATION");
        String documentId = material.path("documentId").asString();
        assertThat(documentId).isNotBlank();
        assertThat(material.path("documentUrl").asString()).isEqualTo("/api/intake/documents/" + documentId);
        var notice = file.path("intakeNotices").get(0);
        assertThat(notice.path("noticeNumber").asString()).isEqualTo(app + "-N1");
        assertThat(notice.path("deficiencies").get(0).path("materialCode").asString())
                .isEqualTo("COMPANY_REGISTRATION_APPLICATION");
        var draft = file.path("certificateDraft");
        assertThat(draft.path("certificateType").asString()).isEqualTo("BUSINESS_LICENCE");
        assertThat(draft.path("holderName").asString()).isEqualTo(COMPANY);
        assertThat(draft.path("content").path("businessScope").asString()).isEqualTo("软件开发");
        assertThat(auditActions(licence)).contains("CASE_FILE_VIEWED");

        // approve with one edit: the capital changes, the representative is dropped; the rest comes from the form
        act(licence, "start-review", li, null).andExpect(status().isOk());
        act(licence, "advance", li, null).andExpect(status().isOk());
        String approved = act(licence, "approve", li, """
                        {"certificate": {"content": {"registeredCapitalYuan": 2000000,
                                                     "legalRepresentativeName": null}}}""")
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String certificate = json.readTree(approved)
                .path("decision")
                .path("certificateNumber")
                .asString();
        var issued = getJson(CASES + licence + "/certificates/" + certificate, li);
        assertThat(issued.path("holder").path("name").asString()).isEqualTo(COMPANY);
        assertThat(issued.path("content").path("companyName").asString()).isEqualTo(COMPANY);
        assertThat(issued.path("content").path("businessScope").asString()).isEqualTo("软件开发");
        assertThat(issued.path("content").path("registeredCapitalYuan").asInt()).isEqualTo(2_000_000);
        assertThat(issued.path("content").has("legalRepresentativeName")).isFalse();

        // the seal case's file (PSB) shows the licence attached, as issued; its system reads it too
        for (var psb : List.of(reviewer("PSB", "zhao.psb"), system("PSB"))) {
            JsonNode seal = getJson(CASES + app + "-02/file", psb);
            var attached = seal.path("certificates").get(0);
            assertThat(attached.path("number").asString()).isEqualTo(certificate);
            assertThat(attached.path("issuedByCase").asString()).isEqualTo(licence);
            assertThat(attached.path("content").path("companyName").asString()).isEqualTo(COMPANY);
            assertThat(seal.findValuesAsString("certificateUrl"))
                    .contains(CASES + app + "-02/certificates/" + certificate);
        }
    }

    @Test
    void anotherDepartmentAnApplicantAndAnAnonymousCallerReadNoCaseFileAndLeaveNoTrace() throws Exception {
        int before = auditActions(licence).size();

        for (var other : List.of(reviewer("PSB", "zhao.psb"), system("TAX"))) {
            String body = mvc.perform(get(CASES + licence + "/file").with(other))
                    .andExpect(status().isNotFound())
                    .andExpect(jsonPath("$.type").value(PROBLEMS + "not-found"))
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(body).doesNotContain(COMPANY, "王小明", "330102199001011234");
        }
        mvc.perform(get(CASES + licence + "/file").with(applicant("applicant-someone")))
                .andExpect(status().isForbidden());
        mvc.perform(get(CASES + licence + "/file")).andExpect(status().isUnauthorized());
        mvc.perform(get(CASES + app + "-99/file").with(reviewer("SAMR", "li.samr")))
                .andExpect(status().isNotFound());
        assertThat(auditActions(licence)).hasSize(before);

        // supervisors read every case file; the reading is recorded
        mvc.perform(get(CASES + licence + "/file").with(supervisor()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.acceptance.form.companyName").value(COMPANY));
        assertThat(auditActions(licence)).hasSize(before + 1).endsWith("CASE_FILE_VIEWED");
    }

    @Test
    void aReplayedNoticeOrAcceptanceIsKeptOnceAndALaterNoticeJoinsTheHistory() throws Exception {
        // intake's outbox republishes both (new event ids, same content), then a second notice follows
        var second = new ApplicationSupplementRequested(
                app,
                app + "-N2",
                true,
                notice.deficiencies(),
                false,
                notice.documentPath(),
                notice.applicant(),
                Instant.parse("2026-09-21T03:00:00Z"));
        Fixtures.send(
                LocalInfrastructure.kafka().bootstrapServers(),
                Topics.INTAKE,
                List.of(
                        Fixtures.intakeEvent(ApplicationSupplementRequested.TYPE, app, notice),
                        Fixtures.intakeEvent(ApplicationAccepted.TYPE, app, acceptance),
                        Fixtures.intakeEvent(ApplicationSupplementRequested.TYPE, app, second)));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> jdbc.sql("select count(*) from application_notice where notice_number = ?")
                                .param(app + "-N2")
                                .query(Integer.class)
                                .single()
                        == 1);

        JsonNode file = getJson(CASES + licence + "/file", reviewer("SAMR", "li.samr"));
        assertThat(file.path("intakeNotices").findValuesAsString("noticeNumber"))
                .containsExactly(app + "-N1", app + "-N2");
        assertThat(file.path("intakeNotices").get(1).path("second").asBoolean()).isTrue();
        assertThat(jdbc.sql("select count(*) from approval_case where application_number = ?")
                        .param(app)
                        .query(Integer.class)
                        .single())
                .isEqualTo(5);
    }

    @Test
    void aCaseNotOpenedFromAnAcceptanceHasNoFormAndItsDraftHasTheDefaults() throws Exception {
        String number = foodLicenceAcceptedOn("2026-09-22");
        JsonNode file = getJson(CASES + number + "/file", reviewer("SAMR", "li.samr"));
        assertThat(file.path("acceptance").isNull()).isTrue();
        assertThat(file.path("intakeNotices").isEmpty()).isTrue();
        assertThat(file.path("certificateDraft").path("holderName").asString()).isEqualTo("李小红");
        assertThat(file.path("certificateDraft").path("formFields").isEmpty()).isTrue();
    }
}
