package org.runonce.approval.shared;

import org.runonce.starter.web.ProblemException;
import org.springframework.http.HttpStatus;

/** The refusals the approval service answers with, as RFC 9457 problems. */
public final class Refusals {

    private Refusals() {}

    /** 404, also for things that exist but the caller may not know of (another department's case). */
    public static ProblemException notFound(String what, String key) {
        return new ProblemException(HttpStatus.NOT_FOUND, "not-found", "Not found", what + " " + key + " not found");
    }

    /** 409: not possible in the current state. */
    public static ProblemException conflict(String slug, String title, String detail) {
        return new ProblemException(HttpStatus.CONFLICT, slug, title, detail);
    }

    /** 403 with a reason the caller can act on. */
    public static ProblemException forbidden(String slug, String title, String detail) {
        return new ProblemException(HttpStatus.FORBIDDEN, slug, title, detail);
    }

    /** 422: well-formed but breaks a rule of what it asks. */
    public static ProblemException unprocessable(String slug, String title, String detail) {
        return new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, slug, title, detail);
    }
}
