package org.runonce.approval.certificate;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.ParseException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.runonce.approval.StoredPersonalData;
import org.runonce.approval.audit.AuditTrail;
import org.runonce.contracts.approval.CertificateClaims;
import org.runonce.contracts.approval.CertificateRevoked;
import org.runonce.contracts.approval.Holder;
import org.runonce.contracts.catalog.Name;
import org.runonce.starter.domain.Refusal;
import org.runonce.starter.domain.Time;
import org.runonce.starter.events.Events;
import org.runonce.starter.jdbc.Jdbc;
import org.runonce.starter.security.Caller;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Finds, verifies and revokes e-certificates ({@link IssuingCertificates} issues them). The holder's ID number and the
 * ID and phone numbers of the content are stored encrypted ({@link StoredPersonalData}); the signed JWS is stored as
 * signed (its payload holds them in full), since what was signed must stay verifiable byte for byte.
 */
@Service
public class Certificates {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Time time;
    private final SigningKeys keys;
    private final AuditTrail audit;
    private final Events events;
    private final StoredPersonalData personalData;

    Certificates(
            JdbcClient jdbc,
            JsonMapper json,
            Time time,
            SigningKeys keys,
            AuditTrail audit,
            Events events,
            StoredPersonalData personalData) {
        this.jdbc = jdbc;
        this.json = json;
        this.time = time;
        this.keys = keys;
        this.audit = audit;
        this.events = events;
        this.personalData = personalData;
    }

    /** Signs the certificate's claims with the current platform key and stores it; the stored certificate. */
    Certificate store(CertificateRequest request, String number) {
        Instant issuedAt = time.now();
        var claims = new CertificateClaims(
                CertificateClaims.ISSUER,
                number,
                request.type(),
                request.itemCode(),
                request.holder(),
                request.content(),
                issuedAt,
                request.validUntil());
        var key = keys.current();
        String jws = sign(claims, key);
        jdbc.sql("""
                        insert into certificate (number, certificate_type, name_zh, name_en, application_number,
                            case_number, item_code, department_code, holder, content, issued_at, valid_until, kid, jws)
                        values (:number, :type, :zh, :en, :application, :case, :item, :department,
                            cast(:holder as jsonb), cast(:content as jsonb), :issuedAt, :validUntil, :kid, :jws)""")
                .param("number", number)
                .param("type", request.type())
                .param("zh", request.name() == null ? null : request.name().zh())
                .param("en", request.name() == null ? null : request.name().en())
                .param("application", request.applicationNumber())
                .param("case", request.caseNumber())
                .param("item", request.itemCode())
                .param("department", request.departmentCode())
                .param("holder", personalData.write(request.holder()))
                .param("content", personalData.write(request.content()))
                .param("issuedAt", Jdbc.timestamp(issuedAt))
                .param("validUntil", request.validUntil())
                .param("kid", key.getKeyID())
                .param("jws", jws)
                .update();
        return find(number).orElseThrow();
    }

    /** A new number, {@code <type>-<year>-<sequence>}. */
    String nextNumber(String type) {
        long seq = jdbc.sql("select nextval('certificate_number_seq')")
                .query(Long.class)
                .single();
        return "%s-%d-%06d".formatted(type, time.today().getYear(), seq);
    }

    public Optional<Certificate> find(String number) {
        return jdbc.sql("select * from certificate where number = ?")
                .param(number)
                .query(this::certificate)
                .optional();
    }

    /** Revocation by the issuing department (a department head of it), recorded in the issuing case's trail. */
    @Transactional
    public Certificate revoke(String number, String reason, Caller caller) {
        var certificate = find(number).orElseThrow(() -> Refusal.notFound("certificate", number));
        if (!caller.hasRole("department-head") || !caller.belongsTo(certificate.departmentCode())) {
            throw Refusal.forbidden(
                    "not-issuing-department",
                    "Not the issuing department",
                    "only a department head of " + certificate.departmentCode() + " revokes this certificate");
        }
        return revoke(certificate, reason, caller.username(), Map.of("certificateNumber", number));
    }

    /**
     * Revocation because the post-approval check (事后核查) of a case decided on the applicant's commitment
     * (告知承诺制) failed: the department's reviewer who recorded the finding revokes through it, in the check's
     * transaction, recorded in the case's trail with the check. Empty when the certificate was revoked already.
     */
    @Transactional
    public Optional<Certificate> revokeOnFailedCheck(String number, String reason, String actor, String checkId) {
        var certificate = find(number).orElseThrow(() -> Refusal.notFound("certificate", number));
        if (certificate.revoked()) {
            return Optional.empty();
        }
        return Optional.of(
                revoke(certificate, reason, actor, Map.of("certificateNumber", number, "postApprovalCheck", checkId)));
    }

    private Certificate revoke(Certificate certificate, String reason, String actor, Map<String, Object> payload) {
        String number = certificate.number();
        if (certificate.revoked()) {
            throw Refusal.conflict("certificate-revoked", "Already revoked", number + " was revoked before");
        }
        Instant now = time.now();
        jdbc.sql("""
                        update certificate set revoked_at = ?, revoked_by = ?, revocation_reason = ?
                        where number = ? and revoked_at is null""").params(Jdbc.timestamp(now), actor, reason, number).update();
        audit.append(certificate.caseNumber(), actor, "CERTIFICATE_REVOKED", reason, payload);
        events.publish(
                CertificateRevoked.TYPE,
                certificate.caseNumber(),
                certificate.departmentCode(),
                new CertificateRevoked(
                        number,
                        certificate.type(),
                        certificate.applicationNumber(),
                        certificate.caseNumber(),
                        certificate.itemCode(),
                        certificate.departmentCode(),
                        reason,
                        actor,
                        now));
        return find(number).orElseThrow();
    }

    /** A compact JWS presented as the certificate: signature by a platform key, issued by us, unchanged. */
    public Verification verify(String compactJws) {
        JWSObject jws;
        try {
            jws = JWSObject.parse(compactJws.strip());
        } catch (ParseException e) {
            return Verification.notGenuine(null, "MALFORMED");
        }
        String number;
        try {
            number = json.readTree(jws.getPayload().toString())
                    .path("certificateNumber")
                    .asString(null);
        } catch (RuntimeException e) {
            return Verification.notGenuine(null, "MALFORMED");
        }
        if (!JWSAlgorithm.ES256.equals(jws.getHeader().getAlgorithm())) {
            return Verification.notGenuine(number, "BAD_SIGNATURE");
        }
        var key = keys.publicKey(jws.getHeader().getKeyID());
        if (key.isEmpty()) {
            return Verification.notGenuine(number, "UNKNOWN_KEY");
        }
        if (!verifies(jws, key.get())) {
            return Verification.notGenuine(number, "BAD_SIGNATURE");
        }
        var claims = json.readTree(jws.getPayload().toString());
        if (!CertificateClaims.ISSUER.equals(claims.path("iss").asString(null)) || number == null) {
            return Verification.notGenuine(number, "BAD_SIGNATURE");
        }
        var stored = find(number);
        if (stored.isEmpty()) {
            return Verification.notGenuine(number, "UNKNOWN_CERTIFICATE");
        }
        if (!stored.get().jws().equals(jws.serialize())) {
            return Verification.notGenuine(number, "CONTENT_MISMATCH");
        }
        return Verification.of(stored.get(), time.today());
    }

    /** A certificate number with the content someone claims it certifies. */
    public Verification verify(String number, JsonNode content) {
        var stored = find(number);
        if (stored.isEmpty()) {
            return Verification.notGenuine(number, "UNKNOWN_CERTIFICATE");
        }
        JWSObject jws;
        try {
            jws = JWSObject.parse(stored.get().jws());
        } catch (ParseException e) {
            return Verification.notGenuine(number, "MALFORMED");
        }
        // what counts is the signed content, not a database column someone could have edited
        var key = keys.publicKey(jws.getHeader().getKeyID());
        if (key.isEmpty()) {
            return Verification.notGenuine(number, "UNKNOWN_KEY");
        }
        if (!verifies(jws, key.get())) {
            return Verification.notGenuine(number, "BAD_SIGNATURE");
        }
        JsonNode signed = json.readTree(jws.getPayload().toString()).path("content");
        if (!normalized(signed).equals(normalized(content))) {
            return Verification.notGenuine(number, "CONTENT_MISMATCH");
        }
        return Verification.of(stored.get(), time.today());
    }

    /** The JWK Set of the platform's certificate keys. */
    public Map<String, Object> jwkSet() {
        return keys.jwkSet();
    }

    private JsonNode normalized(JsonNode node) {
        // numbers compare by value (1 == 1.0), objects regardless of member order
        return json.readTree(json.writeValueAsString(json.treeToValue(node, Object.class)));
    }

    private String sign(CertificateClaims claims, com.nimbusds.jose.jwk.ECKey key) {
        try {
            var header = new JWSHeader.Builder(JWSAlgorithm.ES256)
                    .keyID(key.getKeyID())
                    .type(JOSEObjectType.JWT)
                    .build();
            var jws = new JWSObject(header, new Payload(json.writeValueAsString(claims)));
            jws.sign(new ECDSASigner(key));
            return jws.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign certificate " + claims.certificateNumber(), e);
        }
    }

    private static boolean verifies(JWSObject jws, com.nimbusds.jose.jwk.ECKey key) {
        try {
            return jws.verify(new ECDSAVerifier(key.toECPublicKey()));
        } catch (JOSEException e) {
            return false;
        }
    }

    private Certificate certificate(ResultSet rs, int row) throws SQLException {
        String zh = rs.getString("name_zh");
        return new Certificate(
                rs.getString("number"),
                rs.getString("certificate_type"),
                zh == null ? null : new Name(zh, rs.getString("name_en")),
                rs.getString("application_number"),
                rs.getString("case_number"),
                rs.getString("item_code"),
                rs.getString("department_code"),
                personalData.read(rs.getString("holder"), Holder.class),
                new LinkedHashMap<>(personalData.read(rs.getString("content"), MAP)),
                Jdbc.instant(rs, "issued_at"),
                Jdbc.date(rs, "valid_until"),
                rs.getString("kid"),
                rs.getString("jws"),
                Jdbc.instant(rs, "revoked_at"),
                rs.getString("revoked_by"),
                rs.getString("revocation_reason"));
    }
}
