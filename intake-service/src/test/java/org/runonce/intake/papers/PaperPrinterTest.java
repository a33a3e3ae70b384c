package org.runonce.intake.papers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.runonce.starter.papers.PaperPrinter;

/**
 * The receipt and the notice templates, printed as XHTML and as PDF and read back as a person would: the text in
 * Chinese and English, the numbers, the QR code decoded from the rendered page.
 */
class PaperPrinterTest {

    static final String PROGRESS = "https://zwfw.example.gov.cn/progress/330000-2026-000042";

    final PaperPrinter printer = new PaperPrinter();

    static Map<String, Object> bi(String zh, String en) {
        return new Papers.Bilingual(zh, en).model();
    }

    static Map<String, Object> receipt() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("number", "330000-2026-000042");
        p.put("applicant", "张三丰");
        p.put("idNumber", Papers.masked("330106199001010011"));
        p.put("appliedFor", bi("开办企业", "Company start-up"));
        p.put("channel", bi("网上申请", "online"));
        p.put("acceptedAt", "2026-11-20 10:15");
        p.put("promisedDate", "2026-12-01");
        p.put("promisedWorkingDays", 7);
        p.put(
                "cases",
                List.of(
                        Map.of(
                                "caseNumber",
                                "330000-2026-000042-01",
                                "item",
                                bi("企业设立登记", "Company registration"),
                                "department",
                                bi("市场监督管理局", "Administration for Market Regulation"),
                                "workingDays",
                                3,
                                "after",
                                ""),
                        Map.of(
                                "caseNumber",
                                "330000-2026-000042-02",
                                "item",
                                bi("印章刻制备案", "Seal engraving"),
                                "department",
                                bi("公安局", "Public Security Bureau"),
                                "workingDays",
                                1,
                                "after",
                                "330000-2026-000042-01")));
        p.put(
                "materials",
                List.of(Map.of("name", bi("居民身份证", "Resident ID card"), "how", bi("电子材料", "uploaded document"))));
        p.put("deficiencies", Map.of("pledgeDate", "2026-11-27", "materials", bi("住所证明", "Proof of premises")));
        p.put("progressUrl", PROGRESS);
        return p;
    }

    static Map<String, Object> notice() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("noticeNumber", "330000-2026-000042-N1");
        p.put("number", "330000-2026-000042");
        p.put("applicant", "张三丰");
        p.put("appliedFor", bi("开办企业", "Company start-up"));
        p.put("issuedAt", "2026-11-20 10:15");
        p.put("second", true);
        p.put(
                "items",
                List.of(
                        row(1, "ARTICLES_OF_ASSOCIATION", bi("公司章程", "Articles of association"), true, null),
                        row(
                                2,
                                "PREMISES_PROOF",
                                bi("住所证明", "Proof of premises"),
                                false,
                                "https://zwfw.example.gov.cn/templates/premises.docx")));
        p.put("pledge", false);
        p.put("progressUrl", PROGRESS);
        return p;
    }

    static Map<String, Object> row(int index, String code, Map<String, Object> name, boolean key, String template) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("index", index);
        row.put("materialCode", code);
        row.put("reasonCode", "MISSING");
        row.put("name", name);
        row.put("key", key);
        row.put("reason", bi("未提交。", "Not handed in."));
        row.put("cause", null);
        row.put("neededBy", bi("企业设立登记", "Company registration"));
        row.put("templateUrl", template);
        return row;
    }

    @Test
    void theReceiptPrintsInChineseAndEnglishWithAQrCodeOfTheProgressUrl() throws Exception {
        String xhtml = printer.xhtml("receipt", receipt(), PROGRESS);
        // still well-formed XHTML, values escaped by the template engine
        DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(xhtml.getBytes()));

        long start = System.nanoTime();
        byte[] bytes = printer.pdf(xhtml);
        System.out.printf("receipt: %d bytes in %d ms%n", bytes.length, (System.nanoTime() - start) / 1_000_000);
        // the 10 MB fonts go in as subsets of the glyphs used
        assertThat(bytes.length).isLessThan(300_000);
        PdfPages pdf = PdfPages.read(bytes);
        pdf.save("receipt");

        assertThat(pdf.words())
                .contains(PdfPages.squeezed("受理通知书（回执）", "Acceptance receipt"))
                .contains(PdfPages.squeezed("330000-2026-000042", "2026-12-01", "张三丰", "330106********0011"))
                .contains(PdfPages.squeezed("市场监督管理局", "Administration for Market Regulation", "公安局"))
                .contains(PdfPages.squeezed("容缺受理", "Accepted with deficiencies", "2026-11-27"))
                .doesNotContain("199001010011");
        assertThat(pdf.fonts()).allMatch(f -> f.contains("NotoSansSC") && f.endsWith("(embedded)"));
        assertThat(pdf.qr()).isEqualTo(PROGRESS);
    }

    @Test
    void theNoticePrintsEveryRowInBothLanguagesWithAQrCode() throws Exception {
        String xhtml = printer.xhtml("notice", notice(), PROGRESS);
        var document = DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(new ByteArrayInputStream(xhtml.getBytes()));
        assertThat(document.getElementsByTagName("tr").getLength()).isGreaterThanOrEqualTo(3);

        PdfPages pdf = PdfPages.read(printer.pdf(xhtml));
        pdf.save("notice");

        assertThat(pdf.words())
                .contains(PdfPages.squeezed("一次性告知书", "One-time notice"))
                .contains(PdfPages.squeezed(
                        "330000-2026-000042-N1", "公司章程", "Articles of association", "关键材料", "key material"))
                .contains(PdfPages.squeezed("补充告知", "Supplementary notice", "未提交", "Not handed in"));
        assertThat(pdf.qr()).isEqualTo(PROGRESS);
    }

    @Test
    void pdfIsChosenOnlyWhenPreferred() {
        assertThat(PapersController.wantsPdf(null)).isFalse();
        assertThat(PapersController.wantsPdf("*/*")).isFalse();
        assertThat(PapersController.wantsPdf("text/html,application/xhtml+xml,*/*;q=0.8"))
                .isFalse();
        assertThat(PapersController.wantsPdf("application/pdf")).isTrue();
        assertThat(PapersController.wantsPdf("text/html;q=0.5, application/pdf"))
                .isTrue();
        assertThat(PapersController.wantsPdf("application/json")).isFalse();
    }
}
