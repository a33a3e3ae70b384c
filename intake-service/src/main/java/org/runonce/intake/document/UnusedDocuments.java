package org.runonce.intake.document;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.runonce.intake.IntakeProperties;
import org.runonce.starter.domain.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Uploads nobody uses do not stay forever (personal data kept no longer than needed). Every
 * {@code documents.cleanup-interval}: an upload older than {@code documents.unused-expiry} that no application uses
 * (anywhere in its state) and no department was granted is marked expired, and from then on no application may use
 * it ({@link Documents#describe} no longer finds it: a submission naming it is refused as naming an unknown document);
 * an upload marked at least a cleanup interval ago and still unused is deleted with its content.
 *
 * <p>Two steps so that nothing accepted loses a document: a submission checks its documents before its transaction
 * and commits within seconds; one that found the document before the mark has committed, and so uses it, long before
 * the deletion looks again. Rows are taken with {@code SKIP LOCKED}, so instances running the job together delete
 * each once.
 */
@Component
class UnusedDocuments {

    private static final Logger log = LoggerFactory.getLogger(UnusedDocuments.class);
    static final int BATCH = 500;

    /** Neither used by an application nor granted to a department ({@code d} is the document). */
    private static final String UNUSED = """
            not exists (select 1 from document_grant g where g.document_id = d.id)
            and not exists (select 1 from application a
                            where jsonb_path_query_array(a.state, 'lax $.**.documentId')
                                  @> jsonb_build_array(d.id::text))""";

    private final JdbcClient jdbc;
    private final DocumentStore store;
    private final TransactionTemplate transactions;
    private final Time time;
    private final IntakeProperties properties;

    UnusedDocuments(
            JdbcClient jdbc,
            DocumentStore store,
            TransactionTemplate transactions,
            Time time,
            IntakeProperties properties) {
        this.jdbc = jdbc;
        this.store = store;
        this.transactions = transactions;
        this.time = time;
        this.properties = properties;
    }

    @Scheduled(
            fixedDelayString = "${runonce.intake.documents.cleanup-interval:1h}",
            initialDelayString = "${runonce.intake.documents.cleanup-interval:1h}")
    void scheduled() {
        try {
            Round round = round();
            if (round.deleted() + round.expired() > 0) {
                log.info("unused uploads: {} deleted, {} expired", round.deleted(), round.expired());
            }
        } catch (RuntimeException e) {
            log.warn("unused uploads: round failed, the next one retries: {}", e.toString());
        }
    }

    /**
     * What one round did.
     *
     * @param deleted uploads deleted with their content (expired a cleanup interval ago, still unused)
     * @param expired uploads newly marked expired
     */
    record Round(int deleted, int expired) {}

    Round round() {
        Instant now = time.now();
        int deleted = 0;
        int batch;
        do {
            batch = transactions.execute(
                    tx -> deleteExpired(now.minus(properties.documents().cleanupInterval())));
            deleted += batch;
        } while (batch == BATCH);
        int expired = 0;
        do {
            batch = jdbc.sql("""
                            update document set expired_at = :now
                            where id in (select d.id from document d
                                         where d.expired_at is null and d.created_at < :before and %s
                                         limit :batch
                                         for update skip locked)""".formatted(UNUSED))
                    .param("now", Timestamp.from(now))
                    .param(
                            "before",
                            Timestamp.from(now.minus(properties.documents().unusedExpiry())))
                    .param("batch", BATCH)
                    .update();
            expired += batch;
        } while (batch == BATCH);
        return new Round(deleted, expired);
    }

    private int deleteExpired(Instant expiredBefore) {
        List<UUID> doomed = jdbc.sql("""
                        select d.id from document d
                        where d.expired_at is not null and d.expired_at <= :before and %s
                        limit :batch
                        for update skip locked""".formatted(UNUSED))
                .param("before", Timestamp.from(expiredBefore))
                .param("batch", BATCH)
                .query(UUID.class)
                .list();
        if (doomed.isEmpty()) {
            return 0;
        }
        store.delete(doomed);
        jdbc.sql("delete from document where id = any(?)")
                .param(doomed.toArray(UUID[]::new))
                .update();
        return doomed.size();
    }
}
