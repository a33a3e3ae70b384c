package org.runonce.contracts.approval;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * The payload of an e-certificate: a compact JWS (header {@code alg} ES256 and {@code kid}) signed by the platform
 * key. Anyone verifies the signature with the public keys at {@value #JWKS_PATH} (a JWK Set listing every
 * key not retired, so certificates signed before a key rotation still verify), and whether it is revoked with
 * {@code GET /api/approval/certificates/{number}} or {@code POST /api/approval/certificates/verify}.
 *
 * <p>In the JWS, {@code issuedAt} is an RFC 3339 instant and {@code validUntil} an ISO date or null.
 *
 * @param iss always {@value #ISSUER}
 * @param certificateNumber unique, e.g. {@code BUSINESS_LICENCE-2026-000042}
 * @param certificateType e.g. BUSINESS_LICENCE
 * @param itemCode the item whose approval issued it
 * @param holder whom it is issued to
 * @param content what it certifies (fields depend on the certificate type, e.g. company name, registered capital)
 * @param issuedAt when
 * @param validUntil last day it is valid (inclusive), or null when it does not expire
 */
public record CertificateClaims(
        String iss,
        String certificateNumber,
        String certificateType,
        String itemCode,
        Holder holder,
        Map<String, Object> content,
        Instant issuedAt,
        LocalDate validUntil) {

    /** The {@code iss} claim of every RunOnce e-certificate. */
    public static final String ISSUER = "runonce";

    /** Where the JWK Set with the public keys is published (public, no token). */
    public static final String JWKS_PATH = "/api/approval/.well-known/jwks.json";
}
