package org.runonce.approval.papers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.runonce.approval.Tokens.applicant;
import static org.runonce.approval.Tokens.caller;
import static org.runonce.approval.Tokens.head;
import static org.runonce.approval.Tokens.reviewer;
import static org.runonce.approval.Tokens.supervisor;
import static org.runonce.approval.Tokens.token;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.runonce.approval.Fixtures;
import org.runonce.approval.RunningApproval;
import org.runonce.approval.cases.CertificateDetails;
import org.runonce.approval.cases.Deciding;
import org.runonce.approval.cases.Reviewing;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

/**
 * An issued e-certificate printed as a PDF on real PostgreSQL and Kafka, read back as a person would (text in Chinese
 * and English, the QR code decoded from the rendered page to the public verification URL); for the issuing
 * department, the holder and the window clerk who issued it at the window only.
 */
class CertificatePaperIT extends RunningApproval {

    static final String VERIFY = "http://localhost:8080/api/approval/certificates/";

    @Autowired
    Reviewing reviewing;

    @Autowired
    Deciding deciding;

    String caseNumber;
    String certificate;

    @BeforeEach
    void issued() {
        clock.setDay("2026-09-22");
        String app = Fixtures.newApplicationNumber();
        opening.open(Fixtures.single(app, Fixtures.FOOD, "SAMR", clock.instant()));
        caseNumber = app + "-01";
        var li = caller("li.samr", "SAMR", "reviewer");
        reviewing.startReview(caseNumber, li);
        reviewing.advance(caseNumber, null, li);
        certificate = deciding.approve(
                        caseNumber,
                        "符合条件",
                        "《食品安全法》第三十五条",
                        new CertificateDetails(
                                null,
                                null,
                                Map.of("businessScope", "热食类食品制售", "address", "杭州市西湖区文三路1号"),
                                java.time.LocalDate.parse("2031-09-21")),
                        li)
                .decision()
                .certificateNumber();
    }

    String casePath() {
        return "/api/approval/cases/" + caseNumber + "/certificates/" + certificate;
    }

    String documentPath() {
        return "/api/approval/certificates/" + certificate + "/document";
    }

    @Test
    void theIssuingDepartmentPrintsItBilingualWithTheVerificationQrCode() throws Exception {
        byte[] pdf = mvc.perform(
                        get(casePath()).with(reviewer("SAMR", "li.samr")).accept(MediaType.APPLICATION_PDF))
                .andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_PDF))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        PdfPages read = PdfPages.read(pdf);
        read.save("certificate-it");

        assertThat(read.words())
                .contains(PdfPages.squeezed(certificate, caseNumber, "李小红", "330102********3456"))
                .contains(PdfPages.squeezed("证照编号", "Certificate number", "持证主体", "Holder"))
                .contains(PdfPages.squeezed("经营范围", "Business scope", "热食类食品制售", "杭州市西湖区文三路1号"))
                .contains(PdfPages.squeezed("有效期至", "Valid until", "2031-09-21", "有效", "valid"))
                .doesNotContain("199202023456");
        assertThat(read.fonts()).allMatch(f -> f.contains("NotoSansSC") && f.endsWith("(embedded)"));
        assertThat(read.qr()).isEqualTo(VERIFY + certificate);

        // the JSON stays what a client without Accept gets; the .pdf path for links
        mvc.perform(get(casePath()).with(reviewer("SAMR", "li.samr")))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON));
        mvc.perform(get(casePath() + ".pdf").with(reviewer("SAMR", "li.samr")))
                .andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_PDF));
        mvc.perform(get(documentPath()).with(reviewer("SAMR", "li.samr")))
                .andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_PDF));
        mvc.perform(get(documentPath()).with(supervisor()))
                .andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_PDF));
    }

    @Test
    void theHolderPrintsTheirCertificateAndNobodyElseDoes() throws Exception {
        byte[] pdf = mvc.perform(get(documentPath()).with(applicant("applicant-1")))
                .andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_PDF))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        PdfPages read = PdfPages.read(pdf);
        assertThat(read.words()).contains(PdfPages.squeezed(certificate, "李小红"));
        assertThat(read.qr()).isEqualTo(VERIFY + certificate);

        // another applicant, another department: as if there were no such certificate
        mvc.perform(get(documentPath()).with(applicant("applicant-2"))).andExpect(status().isNotFound());
        mvc.perform(get(documentPath()).with(reviewer("PSB", "zhao.psb"))).andExpect(status().isNotFound());
        mvc.perform(get(casePath()).with(reviewer("PSB", "zhao.psb")).accept(MediaType.APPLICATION_PDF))
                .andExpect(status().isNotFound());
        mvc.perform(get(casePath() + ".pdf").with(reviewer("PSB", "zhao.psb"))).andExpect(status().isNotFound());
        // an applicant does not read the case's copy at all
        mvc.perform(get(casePath() + ".pdf").with(applicant("applicant-1"))).andExpect(status().isForbidden());
        // not public like the certificate's status
        mvc.perform(get(documentPath())).andExpect(status().isUnauthorized());
    }

    /** Authorizes {@code clerk} for SAMR's IMMEDIATE item, as head.samr. */
    void delegate(String clerk) throws Exception {
        mvc.perform(post("/api/approval/delegations")
                        .with(head("SAMR", "head.samr"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"clerk": "%s", "itemCode": "%s", "reason": "即来即办"}""".formatted(clerk, Fixtures.INDIVIDUAL)))
                .andExpect(status().isCreated());
    }

    /** Issue 17 item 4: the applicant leaves the window with the licence, printed by the clerk who decided it. */
    @Test
    void theWindowClerkWhoDecidedItPrintsItAndNoOtherClerkDoes() throws Exception {
        String clerk = "clerk-" + System.nanoTime();
        String other = "clerk-other-" + System.nanoTime();
        delegate(clerk);
        delegate(other);
        String app = Fixtures.newApplicationNumber();
        opening.open(Fixtures.single(app, Fixtures.INDIVIDUAL, "SAMR", clock.instant()));
        String windowCase = app + "-01";
        String decided = mvc.perform(post("/api/approval/window-decisions")
                        .with(token(clerk, null, "window-clerk"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"caseNumber": "%s", "outcome": "APPROVED"}""".formatted(windowCase)))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String licence = json.readTree(decided).get("certificate").get("number").asString();
        String licencePath = "/api/approval/certificates/" + licence + "/document";

        byte[] pdf = mvc.perform(get(licencePath).with(token(clerk, null, "window-clerk")))
                .andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_PDF))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        PdfPages read = PdfPages.read(pdf);
        assertThat(read.words())
                .contains(PdfPages.squeezed(licence, windowCase, "李小红", "330102********3456"))
                .doesNotContain("199202023456");
        assertThat(read.qr()).isEqualTo(VERIFY + licence);
        // audited in the case's trail as a department's view is, under the clerk's name and delegation
        assertThat(auditActions(windowCase))
                .containsExactly("OPENED", "DECIDED", "CERTIFICATE_ISSUED", "CERTIFICATE_VIEWED");
        assertThat(auditActors(windowCase).getLast()).isEqualTo(clerk);
        assertThat(jdbc.sql("select payload from audit_entry where case_number = ? order by seq desc limit 1")
                        .param(windowCase)
                        .query(String.class)
                        .single())
                .contains("\"certificateNumber\":\"" + licence + "\"")
                .contains("\"delegationId\"");

        // another clerk, authorized for the same item, and a clerk without any delegation: as if it did not exist
        mvc.perform(get(licencePath).with(token(other, null, "window-clerk"))).andExpect(status().isNotFound());
        mvc.perform(get(licencePath).with(token("clerk-" + System.nanoTime(), null, "window-clerk")))
                .andExpect(status().isNotFound());
        // the deciding clerk's name without the clerk's role (another account of the same name is not the clerk)
        mvc.perform(get(licencePath).with(token(clerk, null, "applicant"))).andExpect(status().isNotFound());
        // the clerk prints only the certificate of the case decided at the window: not one a reviewer issued
        mvc.perform(get(documentPath()).with(token(clerk, null, "window-clerk")))
                .andExpect(status().isNotFound());
        // and reads no case: the department's paths stay the department's
        mvc.perform(get(CASES + windowCase + "/certificates/" + licence + ".pdf")
                        .with(token(clerk, null, "window-clerk")))
                .andExpect(status().isForbidden());
        assertThat(auditActions(windowCase)).hasSize(4);
        assertThat(auditActions(caseNumber)).doesNotContain("CERTIFICATE_VIEWED");

        // the holder prints it too; the issuing department through the case
        mvc.perform(get(licencePath).with(applicant("applicant-1"))).andExpect(status().isOk());
        mvc.perform(get(licencePath).with(reviewer("SAMR", "li.samr"))).andExpect(status().isOk());
        mvc.perform(get(licencePath).with(reviewer("PSB", "zhao.psb"))).andExpect(status().isNotFound());
    }
}
