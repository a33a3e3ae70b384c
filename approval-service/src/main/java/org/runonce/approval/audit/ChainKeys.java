package org.runonce.approval.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.runonce.approval.ApprovalProperties;

/**
 * The keys of the audit chain: the current one, which new entries are chained with, and the others an entry may name
 * (rotated out, or introduced ahead of becoming current), which verify the entries chained with them. An entry naming
 * an id not here is {@code UNKNOWN_KEY}.
 *
 * @param current the key new entries are chained with
 * @param byId every key, the current one included
 */
record ChainKeys(ChainKey current, Map<String, ChainKey> byId) {

    /** Shorter keys are refused, as for the current one ({@code @Size(min = 32)}). */
    static final int MIN_LENGTH = 32;

    ChainKeys {
        byId = Map.copyOf(byId);
    }

    /** Only {@code current}. */
    static ChainKeys of(ChainKey current) {
        return new ChainKeys(current, Map.of(current.id(), current));
    }

    /**
     * The current key and the others of the settings ({@code verify-keys}, then the files of {@code verify-keys-dir}).
     *
     * @throws IllegalStateException a key shorter than 32 characters, or an id given two different keys
     */
    static ChainKeys of(ApprovalProperties.Audit audit) {
        var current = ChainKey.of(audit.keyId(), audit.key());
        Map<String, ChainKey> keys = new LinkedHashMap<>();
        keys.put(current.id(), current);
        if (audit.verifyKeys() != null) {
            audit.verifyKeys().forEach((id, secret) -> add(keys, id, secret, "runonce.approval.audit.verify-keys"));
        }
        if (audit.verifyKeysDir() != null) {
            fromDirectory(audit.verifyKeysDir())
                    .forEach((id, secret) -> add(
                            keys, id, secret, audit.verifyKeysDir().resolve(id).toString()));
        }
        return new ChainKeys(current, keys);
    }

    /**
     * The keys in a directory, one regular file per key, named by its id, its content the key (a trailing line break,
     * as {@code echo} or an editor leaves it, is not part of it). Hidden files are skipped: Kubernetes mounts a
     * secret's keys beside its own {@code ..data} links.
     */
    static Map<String, String> fromDirectory(Path directory) {
        if (!Files.isDirectory(directory)) {
            return Map.of();
        }
        Map<String, String> keys = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.sorted().toList()) {
                String id = file.getFileName().toString();
                if (!id.startsWith(".") && Files.isRegularFile(file)) {
                    keys.put(id, Files.readString(file, StandardCharsets.UTF_8).strip());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the audit chain keys in " + directory, e);
        }
        return keys;
    }

    private static void add(Map<String, ChainKey> keys, String id, String secret, String source) {
        if (id == null || id.isBlank()) {
            throw new IllegalStateException("an audit chain key without an id in " + source);
        }
        if (secret == null || secret.length() < MIN_LENGTH) {
            throw new IllegalStateException(
                    "the audit chain key " + id + " in " + source + " is shorter than " + MIN_LENGTH + " characters");
        }
        var key = ChainKey.of(id, secret);
        var known = keys.putIfAbsent(id, key);
        if (known != null && !Arrays.equals(known.secret(), key.secret())) {
            throw new IllegalStateException("the audit chain key id " + id + " is given two different keys (" + source
                    + "): an id names one key for good");
        }
    }

    /** The key an entry names, if the service knows it. */
    Optional<ChainKey> find(String id) {
        return Optional.ofNullable(id == null ? null : byId.get(id));
    }

    @Override
    public String toString() {
        return "ChainKeys[current=" + current.id() + ", known=" + byId.keySet() + "]";
    }
}
