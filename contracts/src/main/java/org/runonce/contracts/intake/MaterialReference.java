package org.runonce.contracts.intake;

/**
 * How a material was handed in; exactly one reference is set.
 *
 * @param code material code, shared across items (e.g. {@code ID_CARD})
 * @param documentId an uploaded document held by intake (UUID); the department of a case that uses it reads it at
 *     {@code GET /api/intake/documents/{id}/content} while the application runs and a retention after it ended
 * @param certificateNumber an existing e-certificate of the platform, verified by its signature at intake
 * @param producedByCase a case of the same application whose certificate will satisfy it (no paper to carry)
 */
public record MaterialReference(String code, String documentId, String certificateNumber, String producedByCase) {}
