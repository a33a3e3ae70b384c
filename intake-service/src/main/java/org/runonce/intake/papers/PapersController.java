package org.runonce.intake.papers;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import org.runonce.intake.application.Application;
import org.runonce.intake.application.ApplicationAccess;
import org.runonce.intake.application.Notice;
import org.runonce.starter.domain.Refusal;
import org.runonce.starter.domain.Time;
import org.runonce.starter.security.Caller;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The papers an applicant downloads: the acceptance receipt and the one-time notices, for whoever sees the application. */
@RestController
@RequestMapping(path = "/api/intake/applications")
@Tag(name = "Applications", description = "一窗受理: one application for an item or a bundle, one notice, one visit")
class PapersController {

    private final ApplicationAccess access;
    private final Time time;

    PapersController(ApplicationAccess access, Time time) {
        this.access = access;
        this.time = time;
    }

    @GetMapping(path = "/{number}/receipt", produces = MediaType.TEXT_HTML_VALUE)
    @Operation(
            summary = "Acceptance receipt (受理回执)",
            description = "Well-formed XHTML: number, cases and departments, promised completion date.")
    ResponseEntity<String> receipt(@PathVariable String number, Caller caller) {
        Application application = access.readable(number, caller);
        if (application.acceptance().isEmpty()) {
            throw new Refusal(
                    404,
                    "not-found",
                    "Not found",
                    "Application " + number + " is " + application.status() + ": no receipt.");
        }
        return html(Papers.receipt(application, access::departmentName, time.zone()), "receipt-" + number + ".html");
    }

    @GetMapping(path = "/{number}/notices/{noticeNumber}/document", produces = MediaType.TEXT_HTML_VALUE)
    @Operation(
            summary = "One-time notice (一次性告知书)",
            description = "Well-formed XHTML listing every missing or deficient material with reason and template.")
    ResponseEntity<String> notice(@PathVariable String number, @PathVariable String noticeNumber, Caller caller) {
        Application application = access.readable(number, caller);
        Notice notice = application.notices().stream()
                .filter(n -> n.number().equals(noticeNumber))
                .findFirst()
                .orElseThrow(
                        () -> new Refusal(404, "not-found", "Not found", "Notice " + noticeNumber + " not found."));
        return html(Papers.notice(application, notice, time.zone()), "notice-" + noticeNumber + ".html");
    }

    private static ResponseEntity<String> html(String body, String filename) {
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(filename)
                                .build()
                                .toString())
                .body(body);
    }
}
