package org.runonce.approval.publication;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A search of published decisions, as asked for in the query string.
 *
 * @param q words matched against what was published (item code and name, department, case, application and
 *     certificate numbers, the masked applicant), case-insensitive; or null for all
 * @param department only this department's decisions, or null
 * @param item only this item's, or null
 * @param outcome APPROVED or REJECTED, or null for both
 * @param page from 0
 * @param size entries per page, 1 to 100 (default 20)
 */
record PublicationQuery(
        @Size(max = 100) String q,
        @Pattern(regexp = "[A-Z][A-Z0-9_]{0,31}") String department,
        @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,99}") String item,
        @Pattern(regexp = "APPROVED|REJECTED") String outcome,
        @Min(0) @Max(10_000) Integer page,
        @Min(1) @Max(100) Integer size) {

    PublicationQuery {
        page = page == null ? 0 : page;
        size = size == null ? 20 : size;
    }
}
