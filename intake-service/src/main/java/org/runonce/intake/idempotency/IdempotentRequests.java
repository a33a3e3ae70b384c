package org.runonce.intake.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Supplier;
import org.runonce.starter.domain.Time;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs a request that takes an {@code Idempotency-Key} once: in one transaction it claims the key, does the work and
 * stores its answer with the key; a repeat of the same request answers the stored answer again, the same key with
 * another request (operation or body) is refused. Without a key the work simply runs in a transaction.
 */
@Component
public class IdempotentRequests {

    /**
     * What the work answers.
     *
     * @param status HTTP status
     * @param body the body, written as JSON
     * @param location Location header or null
     */
    public record Reply(int status, Object body, String location) {}

    /**
     * The answer of an idempotent operation, exactly as first sent.
     *
     * @param status HTTP status
     * @param body JSON
     * @param location Location header or null
     * @param replayed whether it is the stored answer to an earlier identical request
     */
    public record Response(int status, String body, String location, boolean replayed) {}

    private final IdempotencyKeys keys;
    private final TransactionTemplate transactions;
    private final Time time;
    private final JsonMapper json;
    private final JsonMapper canonical;

    IdempotentRequests(IdempotencyKeys keys, TransactionTemplate transactions, Time time, JsonMapper json) {
        this.keys = keys;
        this.transactions = transactions;
        this.time = time;
        this.json = json;
        this.canonical = json.rebuild()
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
                .build();
    }

    /**
     * @param subject the caller; keys are scoped to the caller
     * @param key the {@code Idempotency-Key}, or null
     * @param operation what is done, e.g. {@code supplement:<application number>}
     * @param request the request body, compared by its canonical JSON
     * @param work the work, run in the transaction that claimed the key
     */
    public Response once(String subject, String key, String operation, Object request, Supplier<Reply> work) {
        String hash = hash(operation, request);
        return transactions.execute(tx -> {
            if (key != null) {
                Optional<IdempotencyKeys.Stored> stored = keys.claim(subject, key, operation, hash, time.now());
                if (stored.isPresent()) {
                    return new Response(
                            stored.get().status(),
                            stored.get().body(),
                            stored.get().location(),
                            true);
                }
            }
            Reply reply = work.get();
            Response response =
                    new Response(reply.status(), json.writeValueAsString(reply.body()), reply.location(), false);
            if (key != null) {
                keys.complete(
                        subject,
                        key,
                        new IdempotencyKeys.Stored(response.status(), response.body(), response.location()));
            }
            return response;
        });
    }

    private String hash(String operation, Object request) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(operation.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) '\n');
            return HexFormat.of().formatHex(digest.digest(canonical.writeValueAsBytes(request)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
