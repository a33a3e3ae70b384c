package org.runonce.contracts.approval;

import java.time.Instant;

/**
 * The head of one of approval's hash-chained audit trails at a moment: published on approval's topic (append-only,
 * outside approval's database) so that the trail can be checked against it later. A trail that has fewer entries
 * than a checkpoint says (its tail was deleted), or whose entry {@code entries} no longer has {@code headHash} (it was
 * rewritten and re-chained), fails verification. Subject and Kafka key: the trail (a case number, or
 * {@code DELEGATIONS-<department>} for a department's window delegations); {@code department} extension: the
 * department whose trail it is.
 *
 * @param trail the case number, or {@code DELEGATIONS-<department>}
 * @param entries how many entries the trail had (the sequence number of its head)
 * @param headHash the head entry's chain hash (HMAC-SHA256, hex)
 * @param keyId the id of the chain key that made it
 * @param at when the checkpoint was taken
 */
public record AuditCheckpoint(String trail, int entries, String headHash, String keyId, Instant at) {

    /** CloudEvents type. */
    public static final String TYPE = "org.runonce.approval.audit.checkpoint.v1";
}
