package org.runonce.catalog.web;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import org.runonce.starter.domain.Refusal;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.WebRequest;

/** HTTP caching and preconditions, the same way on every catalog endpoint. */
public final class Http {

    /** Published versions: content immutable; only retiring can still shorten their validity. */
    public static final CacheControl VERSIONED =
            CacheControl.maxAge(Duration.ofDays(1)).cachePublic();

    /** "In force" lookups, lists and statistics: change whenever something is published. */
    public static final CacheControl SHORT =
            CacheControl.maxAge(Duration.ofSeconds(60)).cachePublic();

    /** Drafts and other administrative reads: always revalidate. */
    public static final CacheControl PRIVATE = CacheControl.noCache().cachePrivate();

    static final String ADMIN_AUTHORITY = "ROLE_catalog-admin";

    private Http() {}

    /**
     * 200 with the representation, its ETag and cache policy, or 304 when the request's {@code If-None-Match}
     * already names that ETag.
     */
    public static ResponseEntity<byte[]> ok(WebRequest request, Representation representation, CacheControl cache) {
        if (request.checkNotModified(representation.etag())) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED)
                    .eTag(representation.etag())
                    .cacheControl(cache)
                    .build();
        }
        return body(ResponseEntity.ok().cacheControl(cache), representation);
    }

    /** 200 with a representation just written, its ETag (what the next If-Match names) and cache policy. */
    public static ResponseEntity<byte[]> written(Representation representation, CacheControl cache) {
        return body(ResponseEntity.ok().cacheControl(cache), representation);
    }

    /** 200 with a representation just written and its ETag. */
    public static ResponseEntity<byte[]> written(Representation representation) {
        return body(ResponseEntity.ok(), representation);
    }

    /** 201 with where the new resource is, its representation, ETag and cache policy. */
    public static ResponseEntity<byte[]> created(URI location, Representation representation, CacheControl cache) {
        return body(ResponseEntity.created(location).cacheControl(cache), representation);
    }

    /** 201 with where the new resource is, its representation and ETag. */
    public static ResponseEntity<byte[]> created(URI location, Representation representation) {
        return body(ResponseEntity.created(location), representation);
    }

    /**
     * Checks {@code If-Match} of a conditional update against the current representation's ETag: 428 when the
     * header is missing, 412 when it names another ETag.
     */
    public static void requireMatch(String ifMatch, Representation current) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new Refusal(
                    428,
                    "precondition-required",
                    "Precondition required",
                    "send If-Match with the ETag of the representation you are changing");
        }
        boolean matches = ifMatch.strip().equals("*")
                || Arrays.stream(ifMatch.split(",")).map(String::strip).anyMatch(tag -> tag.equals(current.etag()));
        if (!matches) {
            throw new Refusal(
                            412,
                            "precondition-failed",
                            "Precondition failed",
                            "the resource changed since you read it; read it again and reapply your change")
                    .with("currentETag", current.etag());
        }
    }

    /**
     * If-Match on something that does not exist: no ETag can match it (an unconditional request creates it).
     *
     * @param absent what does not exist, e.g. {@code bundle company-startup does not exist}
     */
    public static void requireNoMatch(String ifMatch, String absent) {
        if (ifMatch != null && !ifMatch.isBlank()) {
            throw new Refusal(412, "precondition-failed", "Precondition failed", absent);
        }
    }

    /** Whether the caller holds the catalog-admin realm role (reads that also show drafts). */
    public static boolean callerIsAdmin() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null
                && authentication.getAuthorities().stream().anyMatch(a -> ADMIN_AUTHORITY.equals(a.getAuthority()));
    }

    private static ResponseEntity<byte[]> body(ResponseEntity.BodyBuilder builder, Representation representation) {
        return builder.eTag(representation.etag())
                .contentType(MediaType.APPLICATION_JSON)
                .body(representation.body());
    }
}
