package org.runonce.intake.certificate;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.net.MalformedURLException;
import java.text.ParseException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.Map;
import java.util.Set;
import org.runonce.intake.IntakeProperties;
import org.runonce.starter.domain.Refusal;
import org.springframework.stereotype.Service;

/**
 * Verifies e-certificates: the signature against the platform's public keys (JWK Set at
 * {@code runonce.intake.certificates.jwks-uri}, cached; a key id not in the cache fetches the set again, at most
 * every 30 seconds), the issuer {@code runonce}, the claims intake relies on, and that the issuing department has not
 * revoked it ({@link RevokedCertificates}, kept from approval's events: no synchronous call on the submit path).
 */
@Service
public class Certificates {

    static final String ISSUER = "runonce";

    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();

    private final RevokedCertificates revoked;

    Certificates(IntakeProperties properties, RevokedCertificates revoked) throws MalformedURLException {
        this.revoked = revoked;
        long ttl = properties.certificates().jwksCache().toMillis();
        JWKSource<SecurityContext> keys = JWKSourceBuilder.<SecurityContext>create(
                        properties.certificates().jwksUri().toURL())
                .cache(ttl, 5_000)
                .rateLimited(30_000)
                .retrying(true)
                .build();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(
                Set.of(JWSAlgorithm.ES256, JWSAlgorithm.RS256, JWSAlgorithm.ES384, JWSAlgorithm.RS384), keys));
        // certificates are not access tokens: any "typ" header, no expiry claim of their own (validUntil is a day)
        processor.setJWSTypeVerifier((type, context) -> {});
        processor.setJWTClaimsSetVerifier((claims, context) -> {});
    }

    /**
     * The claims of a genuine certificate.
     *
     * @throws CertificateRejected when it is not one (malformed, tampered, unknown key, another issuer, revoked)
     * @throws Refusal 503 when the public keys cannot be fetched
     */
    public VerifiedCertificate verify(String compactJws) throws CertificateRejected {
        JWTClaimsSet claims;
        try {
            claims = processor.process(compactJws.strip(), null);
        } catch (ParseException e) {
            throw new CertificateRejected("not a signed certificate (compact JWS)");
        } catch (KeySourceException e) {
            throw new Refusal(
                    503,
                    "certificate-verification-unavailable",
                    "Certificate verification unavailable",
                    "The platform's certificate keys cannot be fetched right now; try again shortly.");
        } catch (BadJOSEException | JOSEException e) {
            throw new CertificateRejected("the signature does not verify with the platform's keys");
        }
        VerifiedCertificate certificate = claims(claims);
        var revokedAt = revoked.revokedAt(certificate.certificateNumber());
        if (revokedAt.isPresent()) {
            throw new CertificateRejected("revoked by the issuing department on " + revokedAt.get());
        }
        return certificate;
    }

    static VerifiedCertificate claims(JWTClaimsSet claims) throws CertificateRejected {
        if (!ISSUER.equals(claims.getIssuer())) {
            throw new CertificateRejected("not issued by the platform");
        }
        try {
            String number = required(claims.getStringClaim("certificateNumber"), "certificateNumber");
            String type = required(claims.getStringClaim("certificateType"), "certificateType");
            String itemCode = required(claims.getStringClaim("itemCode"), "itemCode");
            Map<String, Object> holder = claims.getJSONObjectClaim("holder");
            if (holder == null) {
                throw new CertificateRejected("claim holder is missing");
            }
            return new VerifiedCertificate(
                    number,
                    type,
                    itemCode,
                    string(holder.get("subject")),
                    string(holder.get("name")),
                    string(holder.get("idNumber")),
                    instant(claims.getClaim("issuedAt")),
                    date(claims.getClaim("validUntil")));
        } catch (ParseException | DateTimeParseException e) {
            throw new CertificateRejected("its claims are malformed");
        }
    }

    private static String required(String value, String claim) throws CertificateRejected {
        if (value == null || value.isBlank()) {
            throw new CertificateRejected("claim " + claim + " is missing");
        }
        return value;
    }

    private static String string(Object value) {
        return value == null ? null : value.toString();
    }

    private static Instant instant(Object value) {
        return switch (value) {
            case null -> null;
            case Number seconds -> Instant.ofEpochSecond(seconds.longValue());
            case Date date -> date.toInstant();
            default -> Instant.parse(value.toString());
        };
    }

    private static LocalDate date(Object value) {
        return switch (value) {
            case null -> null;
            case Number seconds ->
                LocalDate.ofInstant(Instant.ofEpochSecond(seconds.longValue()), java.time.ZoneOffset.UTC);
            default ->
                LocalDate.parse(
                        value.toString().length() > 10 ? value.toString().substring(0, 10) : value.toString());
        };
    }
}
