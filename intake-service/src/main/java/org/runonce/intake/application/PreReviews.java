package org.runonce.intake.application;

import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** The queries of online pre-review: open pre-reviews by due date. */
@Repository
class PreReviews {

    private static final String DUE = "(state -> 'preReview' ->> 'dueDate')::date";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    PreReviews(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Applications in pre-review, earliest due first; only those due before {@code today} when {@code overdue}. */
    List<Application> open(LocalDate today, boolean overdue, int limit) {
        return jdbc.sql("select state from application where status = 'PRE_REVIEW' and (not :overdue or " + DUE
                        + " < :today) order by " + DUE + ", submitted_at limit :limit")
                .param("overdue", overdue)
                .param("today", today)
                .param("limit", limit)
                .query((rs, row) ->
                        Application.restore(json.readValue(rs.getString("state"), ApplicationSnapshot.class)))
                .list();
    }

    /** How many there are, without a limit. */
    long count(LocalDate today, boolean overdue) {
        return jdbc.sql("select count(*) from application where status = 'PRE_REVIEW' and (not :overdue or " + DUE
                        + " < :today)")
                .param("overdue", overdue)
                .param("today", today)
                .query(Long.class)
                .single();
    }
}
