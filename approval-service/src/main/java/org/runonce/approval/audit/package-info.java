/**
 * The per-case audit trail: every state change, assignment and view of a document is appended with actor, time,
 * reason and a SHA-256 hash chained to the previous entry. Nothing is ever updated or deleted (a database trigger
 * refuses it too); {@link org.runonce.approval.audit.AuditTrail#verify} finds the first broken link.
 */
package org.runonce.approval.audit;
