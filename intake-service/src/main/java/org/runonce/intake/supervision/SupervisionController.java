package org.runonce.intake.supervision;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.runonce.intake.application.ApplicationAccess;
import org.runonce.intake.application.ApplicationView;
import org.runonce.intake.application.ChangingApplication;
import org.runonce.starter.domain.Refusal;
import org.runonce.starter.domain.Time;
import org.runonce.starter.security.Caller;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** What supervisors (效能监察) watch: statistics, bad ratings to follow up, applications needing several visits. */
@RestController
@RequestMapping(path = "/api/intake", produces = MediaType.APPLICATION_JSON_VALUE)
@PreAuthorize("hasRole('supervisor')")
@Tag(name = "Supervision", description = "Statistics and follow-ups for supervisors")
class SupervisionController {

    /** @param note what was done about the bad rating */
    record FollowUpResolution(
            @Schema(example = "已电话回访申请人，说明办理时限并致歉；窗口已调整排队流程") @NotBlank @Size(max = 2000)
            String note) {}

    private final ApplicationStatistics statistics;
    private final HandlingModeShares handlingModes;
    private final ApplicationAccess access;
    private final ChangingApplication changing;
    private final Time time;

    SupervisionController(
            ApplicationStatistics statistics,
            HandlingModeShares handlingModes,
            ApplicationAccess access,
            ChangingApplication changing,
            Time time) {
        this.statistics = statistics;
        this.handlingModes = handlingModes;
        this.access = access;
        this.changing = changing;
        this.time = time;
    }

    @GetMapping("/statistics")
    @Operation(
            summary = "Intake statistics",
            description = "Over applications submitted from `from` to `to` (default: this year so far): by channel,"
                    + " share accepted within one visit, visits per application, one-time notices (and second ones),"
                    + " accept-with-deficiencies, satisfaction rate.")
    ApplicationStatistics.Figures statistics(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        LocalDate today = time.today();
        LocalDate end = to == null ? today : to;
        LocalDate start = from == null ? end.withDayOfYear(1) : from;
        return statistics.of(start, end, time.zone());
    }

    @GetMapping("/statistics/handling-modes")
    @Operation(
            summary = "Handling-mode shares by volume and by item count, against the reform targets",
            description = "Over the applications ACCEPTED from `from` to `to` (default: this year so far), counted by"
                    + " case (each item of an accepted application once, so a bundle counts each of its items), the"
                    + " cases and share per handling mode of the item version the application was filed under;"
                    + " beside them the items and share per mode over the catalog copy's items in force on `to`."
                    + " Both as the share of zero/one-visit business (`countedModes`: ZERO_VISIT, RUN_ONCE,"
                    + " IMMEDIATE, ONLINE_PRE_REVIEW) against each staged target (default 0.50 due 2018-03-15, 0.70"
                    + " due 2018-05-31, 0.85 due 2018-07-31; `runonce.intake.reform.*`): whether it is due by the"
                    + " period's end and whether each share reaches it. Overall and per department. Shares are"
                    + " fractions 0..1 rounded to 4 places, null when there is nothing to divide by.")
    HandlingModeShares.Figures handlingModes(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        LocalDate end = to == null ? time.today() : to;
        LocalDate start = from == null ? end.withDayOfYear(1) : from;
        if (start.isAfter(end)) {
            throw Refusal.invalid("from " + start + " is after to " + end);
        }
        return handlingModes.of(start, end, time.zone());
    }

    @GetMapping("/supervision/follow-ups")
    @Operation(
            summary = "Open follow-ups of bad ratings (1 or 2), earliest deadline first",
            description = "Each department rated follows up once (整改回访); overdue=true lists only those past their due"
                    + " date: escalated to the supervisors (approval opens an accountability record for each).")
    List<ApplicationView> followUps(@RequestParam(defaultValue = "false") boolean overdue) {
        return overdue ? access.overdueFollowUps(time.today()) : access.openFollowUps();
    }

    @GetMapping("/supervision/withdrawals")
    @Operation(
            summary = "Withdrawn applications, by whether the applicant confirmed the withdrawal",
            description = "confirmed=false lists those a clerk withdrew without the applicant's signature, with the"
                    + " clerk's recorded reason (withdrawing or returning to dodge the time limit is what supervision"
                    + " watches for); the latest first.")
    List<ApplicationView> withdrawals(@RequestParam(defaultValue = "false") boolean confirmed) {
        return access.withdrawals(confirmed);
    }

    @PostMapping(path = "/supervision/follow-ups/{number}/resolution", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Close the follow-up of a bad rating")
    ApplicationView resolve(
            @PathVariable String number, @Valid @RequestBody FollowUpResolution resolution, Caller caller) {
        return changing.resolveFollowUp(number, resolution.note(), caller);
    }

    @GetMapping("/supervision/multiple-visits")
    @Operation(summary = "Applications that needed more than one visit (flagged)")
    List<ApplicationView> multipleVisits() {
        return access.multipleVisits();
    }
}
