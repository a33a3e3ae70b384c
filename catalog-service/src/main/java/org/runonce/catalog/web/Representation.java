package org.runonce.catalog.web;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import tools.jackson.databind.json.JsonMapper;

/**
 * A serialized JSON representation and its strong ETag (a hash of exactly these bytes).
 *
 * @param body the JSON bytes as sent
 * @param etag quoted strong entity tag
 */
public record Representation(byte[] body, String etag) {

    /** Serializes {@code value} and tags the bytes. */
    public static Representation of(Object value, JsonMapper json) {
        byte[] body = json.writeValueAsBytes(value);
        return new Representation(body, etag(body));
    }

    static String etag(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return "\""
                    + Base64.getUrlEncoder()
                            .withoutPadding()
                            .encodeToString(digest)
                            .substring(0, 27) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
