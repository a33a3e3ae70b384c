package org.runonce.approval.papers;

import io.swagger.v3.oas.annotations.Operation;
import org.runonce.approval.cases.CaseQueries;
import org.runonce.approval.catalog.CatalogCopy;
import org.runonce.approval.certificate.Certificate;
import org.runonce.approval.certificate.Certificates;
import org.runonce.approval.window.WindowCertificates;
import org.runonce.starter.domain.Refusal;
import org.runonce.starter.domain.Time;
import org.runonce.starter.papers.PaperPrinter;
import org.runonce.starter.security.Caller;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * E-certificates as printable PDFs: for the issuing department through the case (the same access and audit as the
 * certificate's JSON there, asked for with {@code Accept: application/pdf} or the {@code .pdf} path), and by the
 * certificate number for the holder and for the window clerk who issued it by a window decision (for an applicant
 * without an account). Anyone else gets 404, as for a certificate that does not exist.
 */
@RestController
class CertificatePaperController {

    /** The roles that read a department's cases (as {@code CaseController.READERS}). */
    static final String CASE_READERS = "hasAnyRole('reviewer', 'department-head', 'department-system', 'supervisor')";

    private final Certificates certificates;
    private final CaseQueries cases;
    private final WindowCertificates window;
    private final CatalogCopy catalog;
    private final PaperPrinter printer;
    private final PapersProperties properties;
    private final Time time;

    CertificatePaperController(
            Certificates certificates,
            CaseQueries cases,
            WindowCertificates window,
            CatalogCopy catalog,
            PaperPrinter printer,
            PapersProperties properties,
            Time time) {
        this.certificates = certificates;
        this.cases = cases;
        this.window = window;
        this.catalog = catalog;
        this.printer = printer;
        this.properties = properties;
        this.time = time;
    }

    @GetMapping(
            path = "/api/approval/cases/{number}/certificates/{certificateNumber}",
            produces = MediaType.APPLICATION_PDF_VALUE)
    @PreAuthorize(CASE_READERS)
    @Operation(
            // the same path as the case's JSON certificate (CaseController): one operation, so one tag
            tags = "cases",
            summary = "A certificate attached to or issued by the case, printable (PDF; the view is audited)",
            description = "Bilingual (zh-CN, en), with a QR code of the certificate's public verification URL.")
    ResponseEntity<byte[]> caseCertificate(
            @PathVariable String number, @PathVariable String certificateNumber, Caller caller) {
        return pdf(cases.viewCertificate(number, certificateNumber, caller));
    }

    @GetMapping(
            path = "/api/approval/cases/{number}/certificates/{certificateNumber}.pdf",
            produces = MediaType.APPLICATION_PDF_VALUE)
    @PreAuthorize(CASE_READERS)
    @Operation(tags = "cases", summary = "The same PDF, for links that cannot set Accept")
    ResponseEntity<byte[]> caseCertificatePdf(
            @PathVariable String number, @PathVariable String certificateNumber, Caller caller) {
        return pdf(cases.viewCertificate(number, certificateNumber, caller));
    }

    @GetMapping(path = "/api/approval/certificates/{number}/document", produces = MediaType.APPLICATION_PDF_VALUE)
    @PreAuthorize("isAuthenticated()")
    @Operation(
            tags = "certificates",
            summary = "My certificate, printable (PDF): for its holder, the issuing department, or the window clerk"
                    + " who issued it",
            description = "The holder is the applicant the certificate is issued to (the token's subject); a"
                    + " department reads it through its case, audited like the case's certificate view; the window"
                    + " clerk who decided its case at the window (即来即办) prints it for the applicant, audited"
                    + " the same way. Anyone else: 404.")
    ResponseEntity<byte[]> document(@PathVariable String number, Caller caller) {
        Certificate certificate = certificates.find(number).orElseThrow(() -> Refusal.notFound("certificate", number));
        if (caller.hasRole("applicant")
                && certificate.holder() != null
                && caller.subject() != null
                && caller.subject().equals(certificate.holder().subject())) {
            return pdf(certificate);
        }
        var decidedAtWindow = window.decidedBy(caller, certificate);
        if (decidedAtWindow.isPresent()) {
            return pdf(decidedAtWindow.get());
        }
        if (caller.department().isPresent() || caller.hasRole("supervisor")) {
            // the case decides (its department, or a supervisor), and records the view in its audit trail
            return pdf(cases.viewCertificate(certificate.caseNumber(), number, caller));
        }
        throw Refusal.notFound("certificate", number);
    }

    private ResponseEntity<byte[]> pdf(Certificate certificate) {
        String verifyUrl = properties.verifyUrl(certificate.number());
        var department = catalog.departmentName(certificate.departmentCode()).orElse(null);
        var paper = CertificatePaper.model(certificate, department, verifyUrl, time.today(), time.zone());
        byte[] pdf = printer.pdf(printer.xhtml("certificate", paper, verifyUrl));
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(certificate.number() + ".pdf")
                                .build()
                                .toString())
                .body(pdf);
    }
}
