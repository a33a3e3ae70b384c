package org.runonce.intake.certificate;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.runonce.starter.jdbc.Jdbc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The e-certificates approval issued, kept from its {@code certificate.issued} events (see
 * {@code inbound.ApprovalEventsListener}) in table {@code issued_certificate}: what lets a holder share one from their
 * wallet (我的证照) as a material by its number alone, with no upload. The signed certificate kept here is verified
 * like one handed in, so a copy tampered with in this table is refused too.
 */
@Component
public class IssuedCertificates {

    private final JdbcClient jdbc;

    IssuedCertificates(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records an issued certificate; a redelivered event inserts nothing. */
    public void record(String certificateNumber, String holderSubject, String jws, Instant issuedAt) {
        jdbc.sql("""
                        insert into issued_certificate (certificate_number, holder_subject, jws, issued_at)
                        values (?, ?, ?, ?) on conflict do nothing""")
                .params(certificateNumber, holderSubject, jws, Jdbc.timestamp(issuedAt))
                .update();
    }

    /**
     * One certificate of a holder's wallet: the signed certificate as approval issued it, and when it was revoked.
     *
     * @param certificateNumber its number
     * @param jws the signed certificate (compact JWS)
     * @param issuedAt when approval issued it
     * @param revokedAt when it was revoked, or null
     */
    public record Held(String certificateNumber, String jws, Instant issuedAt, Instant revokedAt) {}

    /** Every certificate issued to this holder (an account subject), newest first. */
    public List<Held> heldBy(String holderSubject) {
        return jdbc.sql("""
                        select i.certificate_number, i.jws, i.issued_at, r.revoked_at
                        from issued_certificate i left join revoked_certificate r using (certificate_number)
                        where i.holder_subject = ? order by i.issued_at desc, i.certificate_number""")
                .param(holderSubject)
                .query((rs, row) -> new Held(
                        rs.getString("certificate_number"),
                        rs.getString("jws"),
                        Jdbc.instant(rs, "issued_at"),
                        Jdbc.instant(rs, "revoked_at")))
                .list();
    }

    /**
     * The signed certificate of that number if it was issued to one of {@code holders} (account subjects): a number
     * alone never reveals another holder's certificate, nor whether it exists.
     */
    public Optional<String> jwsOf(String certificateNumber, String... holders) {
        for (String holder : holders) {
            if (holder == null) {
                continue;
            }
            Optional<String> jws = jdbc.sql(
                            "select jws from issued_certificate where certificate_number = ? and holder_subject = ?")
                    .params(certificateNumber.strip(), holder)
                    .query(String.class)
                    .optional();
            if (jws.isPresent()) {
                return jws;
            }
        }
        return Optional.empty();
    }
}
