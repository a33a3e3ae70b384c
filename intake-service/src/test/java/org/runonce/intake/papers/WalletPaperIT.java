package org.runonce.intake.papers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.runonce.intake.IntakeIT;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * A certificate in the holder's wallet (我的证照), listed and printed through intake, where the portal's tokens reach: from the
 * signed copy of approval's {@code certificate.issued} event, verified, bilingual, with the QR code of its public
 * verification URL; another applicant gets 404.
 */
class WalletPaperIT extends IntakeIT {

    @Test
    void theHolderPrintsACertificateFromTheWalletAndNobodyElseCan() throws Exception {
        String subject = newSubject();
        Map<String, Object> company = company("杭州证照打印科技有限公司");
        RequestPostProcessor me = applicant(subject, company);
        String number = "BUSINESS_LICENCE-2026-" + (100000 + new java.util.Random().nextInt(800000));
        String idNumber = (String) company.get("idNumber");
        String licence = licenceInWallet(number, subject, "杭州证照打印科技有限公司", idNumber, "330000-2026-000600");

        // the wallet lists it for its holder, and for nobody else
        mvc.perform(get("/api/intake/certificates").with(me))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].certificateNumber").value(number))
                .andExpect(jsonPath("$[0].certificateType").value("BUSINESS_LICENCE"))
                .andExpect(jsonPath("$[0].holderName").value("杭州证照打印科技有限公司"))
                .andExpect(jsonPath("$[0].status").value("VALID"))
                .andExpect(jsonPath("$[0].document").value("/api/intake/certificates/" + number + "/document"))
                .andExpect(jsonPath("$[0].jws").value(licence));
        mvc.perform(get("/api/intake/certificates").with(applicant(newSubject(), company("杭州别家钱包有限公司"))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$").isEmpty());

        String path = "/api/intake/certificates/" + number + "/document";
        byte[] pdf = mvc.perform(get(path).with(me))
                .andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_PDF))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        PdfPages read = PdfPages.read(pdf);
        read.save("wallet-certificate-it");
        assertThat(read.words())
                .contains(PdfPages.squeezed(number, "杭州证照打印科技有限公司", idNumber))
                .contains(PdfPages.squeezed("持证主体", "Holder", "企业名称", "Company name", "发证日期", "2026-03-02"));
        assertThat(read.qr()).isEqualTo("http://localhost:8080/api/approval/certificates/" + number);

        // another applicant: as if there were no such certificate
        mvc.perform(get(path).with(applicant(newSubject(), company("杭州别家打印有限公司"))))
                .andExpect(status().isNotFound());
    }
}
