package org.runonce.starter.web;

import org.springframework.http.HttpStatusCode;
import org.springframework.web.ErrorResponseException;

/**
 * Deprecated: services throw {@link org.runonce.starter.domain.Refusal} (Spring-free) instead; removed once no
 * service uses it. A refusal the caller can understand and act on, answered as an RFC 9457 problem. Services throw it from domain
 * code:
 *
 * <pre>{@code
 * throw new ProblemException(HttpStatus.CONFLICT, "application-incomplete", "Application incomplete",
 *         "3 required materials are missing").with("missing", missingMaterials);
 * }</pre>
 *
 * gives {@code 409 application/problem+json} with {@code type https://runonce.org/problems/application-incomplete}
 * and a {@code missing} member.
 */
@Deprecated(forRemoval = true)
public class ProblemException extends ErrorResponseException {

    public ProblemException(HttpStatusCode status, String slug, String title, String detail) {
        super(status, Problems.of(status, slug, title, detail), null);
    }

    /** Adds an extension member to the problem body. */
    public ProblemException with(String member, Object value) {
        getBody().setProperty(member, value);
        return this;
    }

    @Override
    public String getMessage() {
        return getBody().getTitle() + ": " + getBody().getDetail();
    }
}
