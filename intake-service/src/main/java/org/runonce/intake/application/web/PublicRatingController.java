package org.runonce.intake.application.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.runonce.intake.application.ApplicationAccess;
import org.runonce.intake.application.ChangingApplication;
import org.runonce.intake.application.RatingLinks;
import org.runonce.intake.application.RatingView;
import org.runonce.intake.application.Requests;
import org.runonce.starter.domain.Refusal;
import org.runonce.starter.domain.Time;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * 好差评 by the link sent to the applicant (by SMS), without signing in: the link names the application and is
 * signed; it shows only the application's number, status and the departments rated, never personal data.
 */
@RestController
@RequestMapping(path = "/api/intake/public/ratings", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Ratings", description = "好差评 by the link sent to the applicant")
class PublicRatingController {

    private final RatingLinks links;
    private final ApplicationAccess access;
    private final ChangingApplication changing;
    private final Time time;

    PublicRatingController(RatingLinks links, ApplicationAccess access, ChangingApplication changing, Time time) {
        this.links = links;
        this.access = access;
        this.changing = changing;
        this.time = time;
    }

    @GetMapping("/{token}")
    @Operation(
            summary = "What a rating link is for",
            description = "No token needed: the signed link is the authority. 404 for a link that is forged, for"
                    + " another application or expired.")
    RatingView show(@PathVariable String token) {
        return access.ratingView(numberOf(token));
    }

    @PostMapping(path = "/{token}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Rate the service by the link (好差评)",
            description = "Once per application, like a rating online or at the window; 1 or 2 opens a follow-up by"
                    + " each department rated. 404 for a forged or expired link, 409 when already rated or not"
                    + " yet completed, refused or withdrawn.")
    RatingView rate(@PathVariable String token, @Valid @RequestBody Requests.Evaluation evaluation) {
        return changing.evaluateByLink(numberOf(token), evaluation);
    }

    private String numberOf(String token) {
        return links.numberOf(token, time.today()).orElseThrow(() -> Refusal.notFound("rating link", "(given)"));
    }
}
