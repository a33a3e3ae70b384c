package org.runonce.approval.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.runonce.approval.Tokens.reviewer;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.runonce.approval.Fixtures;
import org.runonce.approval.RunningApproval;
import org.runonce.approval.audit.AuditTrail;
import org.runonce.approval.certificate.Certificates;
import org.runonce.contracts.Topics;
import org.runonce.contracts.intake.ApplicationAccepted;
import org.runonce.localstack.LocalInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/**
 * Personal data at rest on real PostgreSQL (PIPL, docs/data-map.md): the applicant's ID and phone numbers of a case,
 * the ID and phone numbers of its case file's form and of the certificate it issues are stored encrypted, and the
 * department reads them in full; the signed JWS stays as signed and verifies, the audit chain verifies. Rows stored
 * before encryption are read as they are; the start encrypts those of open cases and case files, and leaves decided
 * cases as their guard keeps them.
 */
class PersonalDataAtRestIT extends RunningApproval {

    static final String COMPANY = "杭州密文科技有限公司";
    // the applicant of Fixtures.companyStartupAccepted
    static final String ID = "330102199001011234";
    static final String PHONE = "13800000000";
    static final String REPRESENTATIVE_ID = "330106198506152025";
    static final String FINANCE_PHONE = "13912345678";
    static final String ENCRYPTED = "pd1:local-demo-approval:";

    @Autowired
    Cases cases;

    @Autowired
    ApplicationFiles files;

    @Autowired
    AuditTrail audit;

    @Autowired
    Certificates certificates;

    String text(String sql, String parameter) {
        return jdbc.sql(sql).param(parameter).query(String.class).single();
    }

    @Test
    void theApplicantTheFormAndTheCertificateAreStoredEncryptedAndTheDepartmentReadsThemInFull() throws Exception {
        clock.setDay("2026-09-22");
        String app = Fixtures.newApplicationNumber();
        String licence = app + "-01";
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("companyName", COMPANY);
        form.put("legalRepresentativeName", "王小明");
        form.put("legalRepresentativeIdNumber", REPRESENTATIVE_ID);
        form.put("financeOfficerPhone", FINANCE_PHONE);
        form.put("registeredCapitalYuan", 1_000_000);
        var d = Fixtures.companyStartupAccepted(app, clock.instant()).data();
        var accepted = new ApplicationAccepted(
                d.applicationNumber(),
                d.bundleCode(),
                d.applicant(),
                d.channel(),
                d.region(),
                d.filedBy(),
                d.acceptedAt(),
                d.promisedWorkingDays(),
                d.promisedCompletionDate(),
                d.withDeficiencies(),
                d.pledgeDate(),
                d.missingMaterials(),
                form,
                d.cases());
        Fixtures.send(
                LocalInfrastructure.kafka().bootstrapServers(),
                Topics.INTAKE,
                List.of(Fixtures.intakeEvent(ApplicationAccepted.TYPE, app, accepted)));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> jdbc.sql("select count(*) from approval_case where application_number = ?")
                                .param(app)
                                .query(Integer.class)
                                .single()
                        == 5);

        // stored: the numbers encrypted, the rest as it was
        assertThat(text("select applicant::text from approval_case where number = ?", licence))
                .doesNotContain(ID, PHONE)
                .contains("王小明", "wang@example.com");
        assertThat(text("select applicant ->> 'idNumber' from approval_case where number = ?", licence))
                .startsWith(ENCRYPTED);
        assertThat(text("select applicant ->> 'phone' from approval_case where number = ?", licence))
                .startsWith(ENCRYPTED);
        assertThat(text("select form::text from application_file where application_number = ?", app))
                .doesNotContain(REPRESENTATIVE_ID, FINANCE_PHONE)
                .contains(COMPANY, "王小明");
        assertThat(text(
                        "select form ->> 'legalRepresentativeIdNumber' from application_file where application_number = ?",
                        app))
                .startsWith(ENCRYPTED);

        // the department's reviewer reads them in full, in the case and its file
        var li = reviewer("SAMR", "li.samr");
        JsonNode file = getJson(CASES + licence + "/file", li);
        assertThat(file.path("applicant").path("idNumber").asString()).isEqualTo(ID);
        assertThat(file.path("applicant").path("phone").asString()).isEqualTo(PHONE);
        assertThat(file.path("acceptance")
                        .path("form")
                        .path("legalRepresentativeIdNumber")
                        .asString())
                .isEqualTo(REPRESENTATIVE_ID);
        assertThat(file.path("acceptance")
                        .path("form")
                        .path("financeOfficerPhone")
                        .asString())
                .isEqualTo(FINANCE_PHONE);
        assertThat(getJson(CASES + licence, li)
                        .path("applicant")
                        .path("idNumber")
                        .asString())
                .isEqualTo(ID);

        // approved: the certificate's holder and content are stored encrypted, its JWS as signed
        act(licence, "start-review", li, null).andExpect(status().isOk());
        act(licence, "advance", li, null).andExpect(status().isOk());
        String number = json.readTree(act(licence, "approve", li, null)
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .path("decision")
                .path("certificateNumber")
                .asString();
        assertThat(text("select holder::text from certificate where number = ?", number))
                .doesNotContain(ID)
                .contains(COMPANY);
        assertThat(text("select holder ->> 'idNumber' from certificate where number = ?", number))
                .startsWith(ENCRYPTED);
        assertThat(text("select content::text from certificate where number = ?", number))
                .doesNotContain(REPRESENTATIVE_ID, FINANCE_PHONE)
                .contains(COMPANY);
        var issued = getJson(CASES + licence + "/certificates/" + number, li);
        assertThat(issued.path("holder").path("idNumber").asString()).isEqualTo(ID);
        assertThat(issued.path("content").path("legalRepresentativeIdNumber").asString())
                .isEqualTo(REPRESENTATIVE_ID);
        // what was signed holds the numbers in full (docs/data-map.md) and still verifies
        String jws = text("select jws from certificate where number = ?", number);
        assertThat(new String(Base64.getUrlDecoder().decode(jws.split("\\.")[1]), StandardCharsets.UTF_8))
                .contains(ID, REPRESENTATIVE_ID);
        mvc.perform(post("/api/approval/certificates/verify")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("jws", jws))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.genuine").value(true));

        // the audit trail never held the numbers in full, so encrypting changed nothing it hashes
        assertThat(audit.verify(licence).intact()).isTrue();
        assertThat(String.join(
                        "",
                        jdbc.sql("select payload from audit_entry where case_number = ?")
                                .param(licence)
                                .query(String.class)
                                .list()))
                .doesNotContain(ID, PHONE, REPRESENTATIVE_ID, FINANCE_PHONE);
    }

    @Test
    void rowsStoredBeforeAreReadAndTheStartEncryptsOpenOnesAndLeavesDecidedCasesAsTheirGuardKeepsThem()
            throws Exception {
        String open = foodLicenceAcceptedOn("2026-09-22");
        String decided = foodLicenceAcceptedOn("2026-09-22");
        String oldId = "330102198001011111";
        String oldPhone = "13600001111";
        String plaintextApplicant = json.writeValueAsString(Map.of(
                "subject", "applicant-1",
                "name", "李小红",
                "type", "NATURAL_PERSON",
                "idNumber", oldId,
                "locale", "zh-CN",
                "phone", oldPhone));
        // as approval stored them before V16
        for (String n : List.of(open, decided)) {
            jdbc.sql("update approval_case set applicant = cast(? as jsonb) where number = ?")
                    .params(plaintextApplicant, n)
                    .update();
        }
        String openApp = open.substring(0, open.length() - 3);
        jdbc.sql("""
                        insert into application_file (application_number, channel, accepted_at, form,
                            with_deficiencies, missing_materials, received_at)
                        values (?, 'ONLINE', now(), cast(? as jsonb), false, '[]', now())""")
                .params(openApp, json.writeValueAsString(Map.of("guardianIdNumber", oldId, "shopName", "小红面馆")))
                .update();
        var li = reviewer("SAMR", "li.samr");
        act(decided, "start-review", li, null).andExpect(status().isOk());
        act(decided, "advance", li, null).andExpect(status().isOk());
        act(decided, "approve", li, null).andExpect(status().isOk());
        String kid = text("select kid from certificate where case_number = ?", decided);
        String oldCertificate = "FOOD_BUSINESS_LICENCE-2025-" + UUID.randomUUID();
        jdbc.sql("""
                        insert into certificate (number, certificate_type, application_number, case_number, item_code,
                            department_code, holder, content, issued_at, kid, jws)
                        values (?, 'FOOD_BUSINESS_LICENCE', ?, ?, ?, 'SAMR', cast(? as jsonb), cast(? as jsonb), now(),
                            ?, 'x.y.z')""")
                .params(
                        oldCertificate,
                        openApp,
                        open,
                        Fixtures.FOOD,
                        json.writeValueAsString(Map.of("name", "李小红", "idNumber", oldId)),
                        json.writeValueAsString(Map.of("holderName", "李小红", "phone", oldPhone)),
                        kid)
                .update();

        // read as stored
        assertReadInFull(open, oldId, oldPhone);
        assertReadInFull(decided, oldId, oldPhone);
        assertThat(getJson(CASES + open + "/file", li)
                        .path("acceptance")
                        .path("form")
                        .path("guardianIdNumber")
                        .asString())
                .isEqualTo(oldId);
        var certificate = certificates.find(oldCertificate).orElseThrow();
        assertThat(certificate.holder().idNumber()).isEqualTo(oldId);
        assertThat(certificate.content()).containsEntry("phone", oldPhone);

        // the next start: the open case and the case file encrypted, the decided case left as it is
        cases.encryptOpenCasesStoredInPlaintext();
        files.encryptFormsStoredInPlaintext();

        assertThat(text("select applicant::text from approval_case where number = ?", open))
                .doesNotContain(oldId, oldPhone)
                .contains("李小红");
        assertThat(text("select applicant ->> 'idNumber' from approval_case where number = ?", open))
                .startsWith(ENCRYPTED);
        assertThat(text("select form::text from application_file where application_number = ?", openApp))
                .doesNotContain(oldId)
                .contains("小红面馆");
        assertThat(jdbc.sql("select form_encrypted from application_file where application_number = ?")
                        .param(openApp)
                        .query(Boolean.class)
                        .single())
                .isTrue();
        assertThat(text("select applicant ->> 'idNumber' from approval_case where number = ?", decided))
                .isEqualTo(oldId);
        assertReadInFull(open, oldId, oldPhone);
        assertReadInFull(decided, oldId, oldPhone);
        assertThat(getJson(CASES + open + "/file", li)
                        .path("acceptance")
                        .path("form")
                        .path("guardianIdNumber")
                        .asString())
                .isEqualTo(oldId);
        assertThat(audit.verify(open).intact()).isTrue();
        assertThat(audit.verify(decided).intact()).isTrue();
    }

    private void assertReadInFull(String number, String id, String phone) throws Exception {
        var applicant = getJson(CASES + number, reviewer("SAMR", "li.samr")).path("applicant");
        assertThat(applicant.path("idNumber").asString()).isEqualTo(id);
        assertThat(applicant.path("phone").asString()).isEqualTo(phone);
    }
}
