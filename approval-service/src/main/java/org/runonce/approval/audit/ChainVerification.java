package org.runonce.approval.audit;

/**
 * The result of checking a case's audit chain.
 *
 * @param caseNumber the case
 * @param entries entries checked
 * @param intact whether every entry's hash matches its content and links to the previous one
 * @param firstBrokenSeq the first entry that does not, or null
 * @param problem what is wrong with it ({@code HASH_MISMATCH}, {@code BROKEN_LINK}, {@code MISSING_ENTRY}), or null
 * @param lastHash the hash of the last entry (the head of the chain), or null when there are none
 */
public record ChainVerification(
        String caseNumber, int entries, boolean intact, Integer firstBrokenSeq, String problem, String lastHash) {}
