package org.runonce.intake.application.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.runonce.intake.application.ApplicationView;
import org.runonce.intake.application.PreReviewAnswer;
import org.runonce.intake.application.PreReviewing;
import org.runonce.starter.security.Caller;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Online pre-review (网上预审): the window's answer, the originals checked at the one visit, the supervisors' list. */
@RestController
@Tag(name = "Applications", description = "一窗受理: one application for an item or a bundle, one notice, one visit")
class PreReviewController {

    private final PreReviewing preReviewing;

    PreReviewController(PreReviewing preReviewing) {
        this.preReviewing = preReviewing;
    }

    @PostMapping(
            path = "/api/intake/applications/{number}/pre-review",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('window-clerk')")
    @Operation(
            summary = "Answer an online pre-review (网上预审)",
            description = "For an application PRE_REVIEW (an ONLINE_PRE_REVIEW item submitted online), by a clerk whose"
                    + " service point (token claim service_point) lies in the accepting region (else 403"
                    + " not-accepting-region). PASSED: PRE_REVIEW_PASSED, preReview.originals lists what the applicant"
                    + " brings to the one visit. CHANGES_NEEDED: ONE notice lists every finding (the applicant is told"
                    + " as for a one-time notice), PENDING_SUPPLEMENT; the applicant's supplement returns it to"
                    + " PRE_REVIEW with a new due date.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content =
                    @Content(
                            schema = @Schema(implementation = PreReviewAnswer.class),
                            examples = @ExampleObject(value = """
                    {"outcome": "CHANGES_NEEDED", "findings": [{"materialCode": "TERMINATION_PROOF", "reason": "CONTENT_INCORRECT", "note": "缺少用人单位盖章"}]}""")))
    ApplicationView answer(@PathVariable String number, @Valid @RequestBody PreReviewAnswer answer, Caller caller) {
        return preReviewing.answer(number, answer, caller);
    }

    @PostMapping(
            path = "/api/intake/applications/{number}/originals-check",
            produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('window-clerk')")
    @Operation(
            summary = "Originals checked at the one visit",
            description = "For an application PRE_REVIEW_PASSED, by a clerk of the accepting region: records the"
                    + " visit (ORIGINALS_CHECK) and accepts the application in it.")
    ApplicationView checkOriginals(@PathVariable String number, Caller caller) {
        return preReviewing.checkOriginals(number, caller);
    }

    @GetMapping(path = "/api/intake/supervision/pre-reviews", produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('supervisor')")
    @Operation(
            summary = "Open online pre-reviews",
            description = "Applications waiting for a window's pre-review, earliest due first, and how many; with"
                    + " overdue=true only those past their due date (runonce.intake.pre-review.working-days on the"
                    + " region's calendar).")
    PreReviewing.Listing preReviews(@RequestParam(defaultValue = "false") boolean overdue) {
        return preReviewing.open(overdue);
    }
}
