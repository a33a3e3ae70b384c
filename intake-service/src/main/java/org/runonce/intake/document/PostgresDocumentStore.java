package org.runonce.intake.document;

import java.util.Collection;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Document bytes in PostgreSQL ({@code bytea}), written in the caller's transaction. */
@Component
class PostgresDocumentStore implements DocumentStore {

    private final JdbcClient jdbc;

    PostgresDocumentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void put(UUID id, byte[] bytes) {
        jdbc.sql("insert into document_content (document_id, bytes) values (?, ?)")
                .params(id, bytes)
                .update();
    }

    @Override
    public Optional<byte[]> get(UUID id) {
        return jdbc.sql("select bytes from document_content where document_id = ?")
                .param(id)
                .query((rs, row) -> rs.getBytes(1))
                .optional();
    }

    @Override
    public void delete(Collection<UUID> ids) {
        jdbc.sql("delete from document_content where document_id = any(?)")
                .param(ids.toArray(UUID[]::new))
                .update();
    }
}
