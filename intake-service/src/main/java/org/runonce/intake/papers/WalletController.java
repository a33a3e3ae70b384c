package org.runonce.intake.papers;

import com.nimbusds.jose.JWSObject;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.text.ParseException;
import org.runonce.contracts.approval.CertificateClaims;
import org.runonce.intake.catalog.CatalogCopy;
import org.runonce.intake.catalog.Department;
import org.runonce.intake.certificate.CertificateRejected;
import org.runonce.intake.certificate.Certificates;
import org.runonce.intake.certificate.IssuedCertificates;
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
import tools.jackson.databind.json.JsonMapper;

/**
 * The holder's own e-certificate (我的证照) printed, from the signed copy intake keeps of every certificate approval
 * issues: the portal's tokens reach intake, not approval. Anyone but the holder gets 404.
 */
@RestController
@Tag(name = "Applications", description = "一窗受理: one application for an item or a bundle, one notice, one visit")
class WalletController {

    private final IssuedCertificates wallet;
    private final Certificates certificates;
    private final CatalogCopy catalog;
    private final PaperPrinter printer;
    private final PapersProperties properties;
    private final JsonMapper json;
    private final Time time;

    WalletController(
            IssuedCertificates wallet,
            Certificates certificates,
            CatalogCopy catalog,
            PaperPrinter printer,
            PapersProperties properties,
            JsonMapper json,
            Time time) {
        this.wallet = wallet;
        this.certificates = certificates;
        this.catalog = catalog;
        this.printer = printer;
        this.properties = properties;
        this.json = json;
        this.time = time;
    }

    @GetMapping(path = "/api/intake/certificates/{number}/document", produces = MediaType.APPLICATION_PDF_VALUE)
    @PreAuthorize("hasRole('applicant')")
    @Operation(
            summary = "One of my e-certificates, printable (PDF, zh-CN + en, QR code of its public verification)",
            description = "For its holder only; a certificate that is revoked or does not verify is not printed (409).")
    ResponseEntity<byte[]> certificate(@PathVariable String number, Caller caller) {
        String jws = wallet.jwsOf(number, caller.subject())
                .orElseThrow(() -> new Refusal(404, "not-found", "Not found", "Certificate " + number + " not found."));
        try {
            certificates.verify(jws);
        } catch (CertificateRejected e) {
            throw new Refusal(
                    409,
                    "certificate-not-valid",
                    "Certificate not valid",
                    number + " is not printed: " + e.getMessage());
        }
        JWSObject signed;
        try {
            signed = JWSObject.parse(jws);
        } catch (ParseException e) {
            throw new IllegalStateException("a verified certificate does not parse", e);
        }
        CertificateClaims claims = json.readValue(signed.getPayload().toString(), CertificateClaims.class);
        var item = catalog.itemInForce(claims.itemCode(), time.today())
                .map(guide -> guide.published())
                .orElse(null);
        var title = item == null || item.result() == null ? null : item.result().name();
        var department = item == null
                ? null
                : catalog.department(item.departmentCode())
                        .map(Department::name)
                        .orElse(null);
        String verifyUrl = properties.verifyUrl(claims.certificateNumber());
        var paper = WalletCertificate.model(
                claims, title, department, signed.getHeader().getKeyID(), verifyUrl, time.zone());
        byte[] pdf = printer.pdf(printer.xhtml("certificate", paper, verifyUrl));
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(claims.certificateNumber() + ".pdf")
                                .build()
                                .toString())
                .body(pdf);
    }
}
