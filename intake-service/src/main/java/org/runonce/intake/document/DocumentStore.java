package org.runonce.intake.document;

import java.util.Collection;
import java.util.Optional;
import java.util.UUID;

/**
 * Where document bytes live. The default keeps them in PostgreSQL, in the transaction that records the document; an
 * S3-compatible store implements the same methods (writing the object before the metadata commits, so a
 * rollback leaves at worst an unreferenced object).
 */
interface DocumentStore {

    void put(UUID id, byte[] bytes);

    Optional<byte[]> get(UUID id);

    /** Deletes the content of these documents (expired uploads nobody used); the metadata goes after it. */
    void delete(Collection<UUID> ids);
}
