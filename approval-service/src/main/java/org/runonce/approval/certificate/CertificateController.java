package org.runonce.approval.certificate;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.runonce.contracts.approval.CertificateClaims;
import org.runonce.contracts.catalog.Name;
import org.runonce.starter.domain.Refusal;
import org.runonce.starter.domain.Time;
import org.runonce.starter.security.Caller;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Public key set, public status and verification of e-certificates; revocation by the issuing department. */
@RestController
@Tag(name = "certificates", description = "E-certificates: JWKS, status, verification, revocation")
class CertificateController {

    private final Certificates certificates;
    private final Time time;

    CertificateController(Certificates certificates, Time time) {
        this.certificates = certificates;
        this.time = time;
    }

    @GetMapping(path = CertificateClaims.JWKS_PATH, produces = "application/jwk-set+json")
    @Operation(summary = "Public keys of the platform's certificate signing keys (JWK Set), no token needed")
    ResponseEntity<Map<String, Object>> jwks() {
        return ResponseEntity.ok()
                .cacheControl(
                        CacheControl.maxAge(java.time.Duration.ofMinutes(5)).cachePublic())
                .contentType(MediaType.parseMediaType("application/jwk-set+json"))
                .body(certificates.jwkSet());
    }

    /**
     * Public status of a certificate.
     *
     * @param number the certificate
     * @param type its type
     * @param name its name
     * @param itemCode the item
     * @param departmentCode the issuing department
     * @param issuedAt when
     * @param validUntil last valid day, or null
     * @param status VALID, REVOKED or EXPIRED
     * @param revokedAt when revoked, or null
     */
    record CertificateStatus(
            String number,
            String type,
            Name name,
            String itemCode,
            String departmentCode,
            Instant issuedAt,
            LocalDate validUntil,
            String status,
            Instant revokedAt) {}

    @GetMapping("/api/approval/certificates/{number}")
    @Operation(summary = "Public status of a certificate (no holder data), no token needed")
    CertificateStatus status(@PathVariable String number) {
        var c = certificates.find(number).orElseThrow(() -> Refusal.notFound("certificate", number));
        String status = c.revoked() ? "REVOKED" : c.expiredOn(time.today()) ? "EXPIRED" : "VALID";
        return new CertificateStatus(
                c.number(),
                c.type(),
                c.name(),
                c.itemCode(),
                c.departmentCode(),
                c.issuedAt(),
                c.validUntil(),
                status,
                c.revokedAt());
    }

    /**
     * What to verify: the JWS, or a certificate number with the content it is claimed to certify.
     *
     * @param jws the compact JWS
     * @param certificateNumber the number
     * @param content the content (with the number)
     */
    record VerifyRequest(
            @Schema(
                    example =
                            "eyJhbGciOiJFUzI1NiIsImtpZCI6IjIwMjYtMTIifQ.eyJjZXJ0aWZpY2F0ZU51bWJlciI6Ii4uLiJ9.c2lnbmF0dXJl")
            String jws,

            @Schema(description = "with content, instead of jws")
            String certificateNumber,

            @Schema(description = "with certificateNumber, instead of jws")
            JsonNode content) {}

    @PostMapping("/api/approval/certificates/verify")
    @Operation(summary = "Is this certificate genuine, unaltered and not revoked? (JWS, or number + content), no token")
    Verification verify(@RequestBody VerifyRequest request) {
        if (request.jws() != null && !request.jws().isBlank()) {
            return certificates.verify(request.jws());
        }
        if (request.certificateNumber() != null
                && request.content() != null
                && request.content().isObject()) {
            return certificates.verify(request.certificateNumber(), request.content());
        }
        throw Refusal.badRequest(
                        "validation-failed",
                        "Validation failed",
                        "give either jws, or certificateNumber with content (an object)")
                .with(
                        "errors",
                        java.util.List.of(Map.of("field", "jws", "message", "jws or certificateNumber+content")));
    }

    /** @param reason why the certificate is revoked */
    record RevokeRequest(
            @Schema(example = "以欺骗手段取得登记，依法撤销") @NotBlank String reason) {}

    @PostMapping("/api/approval/certificates/{number}/revoke")
    @PreAuthorize("hasRole('department-head')")
    @Operation(summary = "Revoke a certificate (department head of the issuing department)")
    CertificateStatus revoke(@PathVariable String number, @Valid @RequestBody RevokeRequest request, Caller caller) {
        certificates.revoke(number, request.reason(), caller);
        return status(number);
    }
}
