package org.runonce.intake.certificate;

import java.time.Instant;
import java.util.Optional;
import org.runonce.starter.jdbc.Jdbc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The certificates their issuing departments revoked, kept from approval's {@code certificate.revoked} events
 * (see {@code inbound.ApprovalEventsListener}) in table {@code revoked_certificate}.
 */
@Component
public class RevokedCertificates {

    private final JdbcClient jdbc;

    RevokedCertificates(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records a revocation; idempotent by nature: a redelivered revocation inserts nothing. */
    public void record(String certificateNumber, Instant revokedAt, String reason) {
        jdbc.sql("""
                        insert into revoked_certificate (certificate_number, revoked_at, reason) values (?, ?, ?)
                        on conflict do nothing""")
                .params(certificateNumber, Jdbc.timestamp(revokedAt), reason)
                .update();
    }

    /** When the certificate was revoked, if it was. */
    Optional<Instant> revokedAt(String certificateNumber) {
        return jdbc.sql("select revoked_at from revoked_certificate where certificate_number = ?")
                .param(certificateNumber)
                .query(Instant.class)
                .optional();
    }
}
