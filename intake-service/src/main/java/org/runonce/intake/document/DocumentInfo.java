package org.runonce.intake.document;

import java.time.Instant;
import java.util.UUID;

/**
 * What intake records of an uploaded document.
 *
 * @param id its id
 * @param ownerSubject the applicant it belongs to (the uploader online; the applicant a clerk named), or null
 * @param uploadedBy subject of whoever uploaded it (the applicant, or the window clerk who took it)
 * @param filename the name it was uploaded with
 * @param contentType its media type, as detected from its bytes
 * @param size bytes
 * @param sha256 hex SHA-256 of its bytes
 * @param readable whether the file is complete for its format (see {@link DocumentType#isComplete})
 * @param createdAt when it was uploaded
 */
public record DocumentInfo(
        UUID id,
        String ownerSubject,
        String uploadedBy,
        String filename,
        String contentType,
        long size,
        String sha256,
        boolean readable,
        Instant createdAt) {

    /** Whether the applicant with this subject, or the clerk with this subject who took it, may use it. */
    public boolean usableBy(String subject) {
        return subject != null && (subject.equals(ownerSubject) || subject.equals(uploadedBy));
    }
}
