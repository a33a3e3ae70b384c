/**
 * The per-case audit trail: every state change, assignment and view of a document is appended with actor, time,
 * reason and an HMAC-SHA256 hash chained to the previous entry with a key held outside the database, which rotates
 * ({@link org.runonce.approval.audit.ChainKeys}). Nothing is ever updated or deleted (a database trigger refuses it
 * too); {@link org.runonce.approval.audit.AuditTrail#verify} finds the first broken link, the published checkpoints
 * ({@link org.runonce.approval.audit.AuditCheckpoints}) a cut or re-chained tail, and
 * {@link org.runonce.approval.audit.AuditWatch} verifies every trail on a schedule.
 */
package org.runonce.approval.audit;
