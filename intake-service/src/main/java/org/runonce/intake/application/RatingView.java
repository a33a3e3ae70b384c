package org.runonce.intake.application;

import java.time.Instant;
import java.util.List;

/**
 * What a rating link (好差评 by SMS) shows: nothing of the application but its number, status and departments.
 *
 * @param applicationNumber the application rated
 * @param status its status (COMPLETED, REFUSED or WITHDRAWN: the service is rated whatever the outcome)
 * @param departments the departments rated
 * @param rating the rating given, or null while not rated
 * @param evaluatedAt when it was given, or null
 */
public record RatingView(
        String applicationNumber,
        ApplicationStatus status,
        List<String> departments,
        Integer rating,
        Instant evaluatedAt) {

    static RatingView of(Application application) {
        Records.Evaluation evaluation = application.snapshot().evaluation();
        return new RatingView(
                application.number(),
                application.status(),
                application.ratedDepartments(),
                evaluation == null ? null : evaluation.rating(),
                evaluation == null ? null : evaluation.evaluatedAt());
    }
}
