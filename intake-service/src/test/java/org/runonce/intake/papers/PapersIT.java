package org.runonce.intake.papers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.runonce.intake.IntakeIT;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;

/**
 * The one-time notice and the receipt as PDFs, over HTTP on real PostgreSQL and Kafka: asked for with {@code Accept:
 * application/pdf} or by the {@code .pdf} path, read back (text in Chinese and English, numbers, the QR code decoded
 * from the rendered page), for the applicant only; the XHTML stays the default.
 */
class PapersIT extends IntakeIT {

    static final String PROGRESS = "http://localhost:8080/api/intake/applications/";

    @Test
    void theNoticeAndTheReceiptArePdfsWithTheProgressQrCodeForTheApplicantOnly() throws Exception {
        Map<String, Object> self = person("张三丰");
        RequestPostProcessor me = applicant(newSubject(), self);
        JsonNode pending = submit(
                me,
                Map.of(
                        "bundleCode",
                        "company-startup",
                        "applicant",
                        self,
                        "form",
                        companyStartupForm(),
                        "materials",
                        documents(me, "ID_CARD")),
                201);
        String number = pending.get("number").asString();
        JsonNode notice = pending.get("notices").get(0);
        String noticeNumber = notice.get("number").asString();
        String documentPath = notice.get("documentPath").asString();

        byte[] noticePdf = mvc.perform(get(documentPath).with(me).accept(MediaType.APPLICATION_PDF))
                .andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_PDF))
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString(".pdf")))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        PdfPages read = PdfPages.read(noticePdf);
        read.save("notice-it");
        assertThat(read.words())
                .contains(PdfPages.squeezed("一次性告知书（补正材料通知）", "One-time notice of materials to supplement"))
                .contains(PdfPages.squeezed(noticeNumber, number, "张三丰"))
                .contains(PdfPages.squeezed("公司章程", "未提交。", "Not handed in."));
        assertThat(read.qr()).isEqualTo(PROGRESS + number);

        // the same by path; the XHTML stays what a client without Accept gets
        mvc.perform(get(documentPath + ".pdf").with(me))
                .andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_PDF));
        mvc.perform(get(documentPath).with(me))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML));

        // another applicant sees neither the notice nor its PDF
        RequestPostProcessor other = applicant(newSubject(), person("李四"));
        mvc.perform(get(documentPath).with(other).accept(MediaType.APPLICATION_PDF))
                .andExpect(status().isNotFound());
        mvc.perform(get(documentPath + ".pdf").with(other)).andExpect(status().isNotFound());

        JsonNode accepted = postJson(
                me,
                "/api/intake/applications/" + number + "/supplements",
                Map.of(
                        "materials",
                        documents(
                                me,
                                "COMPANY_REGISTRATION_APPLICATION",
                                "ARTICLES_OF_ASSOCIATION",
                                "PREMISES_PROOF",
                                "OFFICER_APPOINTMENTS",
                                "SEAL_ENGRAVING_APPLICATION",
                                "FINANCE_OFFICER_ID",
                                "EMPLOYEE_LIST")),
                200);
        assertThat(accepted.get("status").asString()).isEqualTo("ACCEPTED");
        String receiptPath = accepted.get("acceptance").get("receiptPath").asString();
        String promised =
                accepted.get("acceptance").get("promisedCompletionDate").asString();

        byte[] receiptPdf = mvc.perform(get(receiptPath + ".pdf").with(me))
                .andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_PDF))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        PdfPages receipt = PdfPages.read(receiptPdf);
        receipt.save("receipt-it");
        assertThat(receipt.words())
                .contains(PdfPages.squeezed("受理通知书（回执）", "Acceptance receipt", "承诺办结日期", "Promised completion date"))
                .contains(PdfPages.squeezed(number, promised, number + "-01", "张三丰"))
                .contains(PdfPages.squeezed("市场监督管理局", "公安局"))
                .doesNotContain(((String) self.get("idNumber")).substring(6, 14));
        assertThat(receipt.qr()).isEqualTo(PROGRESS + number);

        mvc.perform(get(receiptPath).with(me).accept(MediaType.APPLICATION_PDF))
                .andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_PDF));
        mvc.perform(get(receiptPath).with(other).accept(MediaType.APPLICATION_PDF))
                .andExpect(status().isNotFound());
        mvc.perform(get(receiptPath + ".pdf").with(other)).andExpect(status().isNotFound());
    }
}
