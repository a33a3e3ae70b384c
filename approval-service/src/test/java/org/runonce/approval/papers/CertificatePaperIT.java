package org.runonce.approval.papers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.runonce.approval.Tokens.applicant;
import static org.runonce.approval.Tokens.caller;
import static org.runonce.approval.Tokens.reviewer;
import static org.runonce.approval.Tokens.supervisor;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
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
 * department and the holder only.
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
}
