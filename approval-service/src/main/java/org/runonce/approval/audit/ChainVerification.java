package org.runonce.approval.audit;

/**
 * The result of checking a case's audit chain.
 *
 * @param caseNumber the case
 * @param entries entries checked
 * @param intact whether every entry's hash matches its content and links to the previous one
 * @param firstBrokenSeq the first entry that does not, or null
 * @param problem what is wrong with it, or null: {@code HASH_MISMATCH} (changed, or re-chained without the key),
 *     {@code BROKEN_LINK}, {@code MISSING_ENTRY} (a gap), {@code UNKNOWN_KEY} (chained with another key than the
 *     service's), {@code TRUNCATED} (fewer entries than a checkpoint recorded: {@code firstBrokenSeq} is the first one
 *     missing), {@code CHECKPOINT_MISMATCH} (the checkpoint's head entry has another hash now)
 * @param lastHash the hash of the last entry (the head of the chain), or null when there are none
 */
public record ChainVerification(
        String caseNumber, int entries, boolean intact, Integer firstBrokenSeq, String problem, String lastHash) {}
