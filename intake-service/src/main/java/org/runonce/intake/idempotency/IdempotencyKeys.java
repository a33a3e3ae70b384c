package org.runonce.intake.idempotency;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.runonce.starter.domain.Refusal;
import org.runonce.starter.domain.Time;
import org.runonce.starter.jdbc.Jdbc;
import org.runonce.starter.personaldata.PersonalDataCipher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code Idempotency-Key}: a key is claimed inside the transaction that creates the result, and the result is stored
 * with it before commit. A concurrent request with the same key blocks on the claim (primary key) until the first
 * commits, then reads the stored response; if the first rolled back, it claims the key itself. Keys are scoped to
 * the caller, and forgotten after a day.
 */
@Component
class IdempotencyKeys {

    /**
     * The response stored for a key.
     *
     * @param status HTTP status
     * @param body JSON body, exactly as first sent (stored encrypted: it holds the applicant's ID number)
     * @param location the Location header, or null
     */
    record Stored(int status, String body, String location) {}

    private final JdbcClient jdbc;
    private final Time time;
    private final PersonalDataCipher cipher;

    IdempotencyKeys(JdbcClient jdbc, Time time, PersonalDataCipher cipher) {
        this.jdbc = jdbc;
        this.time = time;
        this.cipher = cipher;
    }

    /**
     * Claims the key for this request, or answers the response stored for an earlier identical request.
     *
     * @throws Refusal 422 {@code idempotency-key-reused} when the key was used with another request
     */
    Optional<Stored> claim(String subject, String key, String operation, String requestHash, Instant now) {
        int claimed = jdbc.sql("""
                        insert into idempotency_key (caller_subject, key, operation, request_hash, created_at)
                        values (?, ?, ?, ?, ?) on conflict do nothing""")
                .params(subject, key, operation, requestHash, Jdbc.timestamp(now))
                .update();
        if (claimed == 1) {
            return Optional.empty();
        }
        record Row(String operation, String requestHash, Integer status, String body, String location) {}
        Row row = jdbc.sql("""
                        select operation, request_hash, response_status, response_body, response_location
                        from idempotency_key where caller_subject = ? and key = ?""")
                .params(subject, key)
                .query((rs, n) -> new Row(
                        rs.getString(1), rs.getString(2), (Integer) rs.getObject(3), rs.getString(4), rs.getString(5)))
                .single();
        if (!row.operation().equals(operation) || !row.requestHash().equals(requestHash)) {
            throw Refusal.unprocessable(
                            "idempotency-key-reused",
                            "Idempotency key reused",
                            "This Idempotency-Key was already used for a different request; use a new key for a new"
                                    + " request.")
                    .with("idempotencyKey", key);
        }
        return Optional.of(new Stored(row.status(), cipher.decrypt(row.body()), row.location()));
    }

    /** Stores the response of the request that claimed the key, in its transaction. */
    void complete(String subject, String key, Stored response) {
        jdbc.sql("""
                        update idempotency_key set response_status = ?, response_body = ?, response_location = ?
                        where caller_subject = ? and key = ?""")
                .params(response.status(), cipher.encrypt(response.body()), response.location(), subject, key)
                .update();
    }

    /** Keys older than a day are forgotten, every hour. */
    @Scheduled(fixedDelayString = "1h", initialDelayString = "5m")
    @Transactional
    public void forgetOld() {
        jdbc.sql("delete from idempotency_key where created_at < ?")
                .param(Jdbc.timestamp(time.now().minus(Duration.ofDays(1))))
                .update();
    }
}
