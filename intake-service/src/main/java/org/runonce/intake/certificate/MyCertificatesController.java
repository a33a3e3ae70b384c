package org.runonce.intake.certificate;

import com.nimbusds.jose.JWSObject;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.text.ParseException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.runonce.contracts.approval.CertificateClaims;
import org.runonce.starter.domain.Time;
import org.runonce.starter.security.Caller;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * The holder's wallet (我的证照): every e-certificate approval issued to the caller, from the signed copies intake keeps
 * of approval's {@code certificate.issued} events, with whether it is still valid. Each can be printed
 * ({@code document}) and shared as a material of a later application by its number alone.
 */
@RestController
@Tag(name = "Certificates", description = "我的证照: the caller's e-certificates")
class MyCertificatesController {

    /**
     * One certificate of the wallet.
     *
     * @param certificateNumber its number; name it as {@code certificateNumber} of a material to reuse it
     * @param certificateType e.g. BUSINESS_LICENCE
     * @param itemCode the item whose decision issued it
     * @param holderName the holder as certified
     * @param content the certified fields
     * @param issuedAt when it was issued
     * @param validUntil last valid day, or null for no end
     * @param status VALID, EXPIRED or REVOKED (today, in the platform's time zone)
     * @param revokedAt when it was revoked, or null
     * @param document the printable certificate (PDF)
     * @param jws the signed certificate, for handing to a third party who verifies it with the public keys
     */
    record WalletEntry(
            String certificateNumber,
            String certificateType,
            String itemCode,
            String holderName,
            Map<String, Object> content,
            Instant issuedAt,
            LocalDate validUntil,
            String status,
            Instant revokedAt,
            String document,
            String jws) {}

    private final IssuedCertificates issued;
    private final JsonMapper json;
    private final Time time;

    MyCertificatesController(IssuedCertificates issued, JsonMapper json, Time time) {
        this.issued = issued;
        this.json = json;
        this.time = time;
    }

    @GetMapping(path = "/api/intake/certificates", produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('applicant')")
    @Operation(summary = "My e-certificates (我的证照), newest first, each with its status and printable document")
    List<WalletEntry> list(Caller caller) {
        LocalDate today = time.today();
        return issued.heldBy(caller.subject()).stream()
                .map(held -> entry(held, today))
                .toList();
    }

    private WalletEntry entry(IssuedCertificates.Held held, LocalDate today) {
        CertificateClaims claims;
        try {
            claims = json.readValue(JWSObject.parse(held.jws()).getPayload().toString(), CertificateClaims.class);
        } catch (ParseException e) {
            throw new IllegalStateException("a kept certificate does not parse: " + held.certificateNumber(), e);
        }
        String status = held.revokedAt() != null
                ? "REVOKED"
                : claims.validUntil() != null && claims.validUntil().isBefore(today) ? "EXPIRED" : "VALID";
        return new WalletEntry(
                held.certificateNumber(),
                claims.certificateType(),
                claims.itemCode(),
                claims.holder() == null ? null : claims.holder().name(),
                claims.content(),
                held.issuedAt(),
                claims.validUntil(),
                status,
                held.revokedAt(),
                "/api/intake/certificates/" + held.certificateNumber() + "/document",
                held.jws());
    }
}
