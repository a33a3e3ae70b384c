package org.runonce.intake.papers;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.runonce.intake.application.Application;
import org.runonce.intake.application.ApplicationAccess;
import org.runonce.intake.application.Notice;
import org.runonce.starter.domain.Refusal;
import org.runonce.starter.domain.Time;
import org.runonce.starter.papers.PaperPrinter;
import org.runonce.starter.security.Caller;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The papers an applicant downloads, for whoever sees the application: the acceptance receipt and the one-time
 * notices, as XHTML (the default) or as PDF ({@code Accept: application/pdf}, or the path with {@code .pdf}).
 */
@RestController
@RequestMapping(path = "/api/intake/applications")
@Tag(name = "Applications", description = "一窗受理: one application for an item or a bundle, one notice, one visit")
class PapersController {

    private final ApplicationAccess access;
    private final Time time;
    private final PaperPrinter printer;
    private final PapersProperties properties;

    PapersController(ApplicationAccess access, Time time, PaperPrinter printer, PapersProperties properties) {
        this.access = access;
        this.time = time;
        this.printer = printer;
        this.properties = properties;
    }

    @GetMapping(
            path = "/{number}/receipt",
            produces = {MediaType.TEXT_HTML_VALUE, MediaType.APPLICATION_PDF_VALUE})
    @Operation(
            summary = "Acceptance receipt (受理回执)",
            description = "Number, cases and departments, promised completion date, in Chinese and English, with a QR"
                    + " code of the progress URL: well-formed XHTML, or a PDF with Accept: application/pdf.")
    ResponseEntity<byte[]> receipt(
            @PathVariable String number,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept,
            Caller caller) {
        return receipt(number, caller, wantsPdf(accept));
    }

    @GetMapping(path = "/{number}/receipt.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(
            summary = "Acceptance receipt (受理回执) as PDF",
            description = "The receipt as a PDF, for links that cannot set Accept.")
    ResponseEntity<byte[]> receiptPdf(@PathVariable String number, Caller caller) {
        return receipt(number, caller, true);
    }

    @GetMapping(
            path = "/{number}/notices/{noticeNumber}/document",
            produces = {MediaType.TEXT_HTML_VALUE, MediaType.APPLICATION_PDF_VALUE})
    @Operation(
            summary = "One-time notice (一次性告知书)",
            description = "Every missing or deficient material with reason and template, in Chinese and English, with"
                    + " a QR code of the progress URL: well-formed XHTML, or a PDF with Accept: application/pdf.")
    ResponseEntity<byte[]> notice(
            @PathVariable String number,
            @PathVariable String noticeNumber,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept,
            Caller caller) {
        return notice(number, noticeNumber, caller, wantsPdf(accept));
    }

    @GetMapping(path = "/{number}/notices/{noticeNumber}/document.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(
            summary = "One-time notice (一次性告知书) as PDF",
            description = "The notice as a PDF, for links that cannot set Accept.")
    ResponseEntity<byte[]> noticePdf(@PathVariable String number, @PathVariable String noticeNumber, Caller caller) {
        return notice(number, noticeNumber, caller, true);
    }

    private ResponseEntity<byte[]> receipt(String number, Caller caller, boolean pdf) {
        Application application = access.readable(number, caller);
        if (application.acceptance().isEmpty()) {
            throw new Refusal(
                    404,
                    "not-found",
                    "Not found",
                    "Application " + number + " is " + application.status() + ": no receipt.");
        }
        String url = properties.progressUrl(number);
        Map<String, Object> paper = Papers.receipt(application, access::departmentName, time.zone(), url);
        return paper(printer.xhtml("receipt", paper, url), "receipt-" + number, pdf);
    }

    private ResponseEntity<byte[]> notice(String number, String noticeNumber, Caller caller, boolean pdf) {
        Application application = access.readable(number, caller);
        Notice notice = application.notices().stream()
                .filter(n -> n.number().equals(noticeNumber))
                .findFirst()
                .orElseThrow(
                        () -> new Refusal(404, "not-found", "Not found", "Notice " + noticeNumber + " not found."));
        String url = properties.progressUrl(number);
        Map<String, Object> paper = Papers.notice(application, notice, time.zone(), url);
        return paper(printer.xhtml("notice", paper, url), "notice-" + noticeNumber, pdf);
    }

    private ResponseEntity<byte[]> paper(String xhtml, String name, boolean pdf) {
        byte[] body = pdf ? printer.pdf(xhtml) : xhtml.getBytes(StandardCharsets.UTF_8);
        return ResponseEntity.ok()
                .contentType(
                        pdf ? MediaType.APPLICATION_PDF : new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(name + (pdf ? ".pdf" : ".html"))
                                .build()
                                .toString())
                .body(body);
    }

    /** Whether the client prefers a PDF to XHTML; no Accept, or a tie, means XHTML (what the endpoint always gave). */
    static boolean wantsPdf(String accept) {
        if (accept == null || accept.isBlank()) {
            return false;
        }
        List<MediaType> accepted;
        try {
            accepted = MediaType.parseMediaTypes(accept);
        } catch (IllegalArgumentException e) {
            return false;
        }
        accepted = new java.util.ArrayList<>(accepted);
        accepted.sort(
                java.util.Comparator.comparingDouble(MediaType::getQualityValue).reversed());
        for (MediaType type : accepted) {
            if (type.getQualityValue() == 0) {
                continue;
            }
            if (type.isCompatibleWith(MediaType.TEXT_HTML) || type.isCompatibleWith(MediaType.APPLICATION_XHTML_XML)) {
                return false;
            }
            if (type.isCompatibleWith(MediaType.APPLICATION_PDF)) {
                return true;
            }
        }
        return false;
    }
}
