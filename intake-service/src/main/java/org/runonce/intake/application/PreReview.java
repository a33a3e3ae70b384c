package org.runonce.intake.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.runonce.contracts.catalog.Name;
import org.runonce.intake.completeness.Requirement;
import org.runonce.intake.completeness.Requirements;

/**
 * Online pre-review (网上预审) of an application for items the catalog handles ONLINE_PRE_REVIEW: submitted online,
 * it is not accepted at once; a window clerk of the accepting region reviews it within {@code workingDays} working
 * days of the region's calendar and answers PASSED (the applicant brings the originals listed, once) or
 * CHANGES_NEEDED (one notice listing everything; corrected online, it is reviewed again). At the one visit the clerk
 * checks the originals and the application is accepted.
 *
 * @param workingDays working days a round may take, from the day it starts
 * @param dueDate the open round's due date, or null when no round is open (kept here so supervision can query it)
 * @param rounds every round, oldest first
 * @param originals the originals to bring to the visit, once passed
 * @param originalsCheckedAt when a clerk checked them at the visit, or null
 * @param originalsCheckedBy who, or null
 */
public record PreReview(
        int workingDays,
        LocalDate dueDate,
        List<Round> rounds,
        List<Original> originals,
        Instant originalsCheckedAt,
        String originalsCheckedBy) {

    public static final String PASSED = "PASSED";
    public static final String CHANGES_NEEDED = "CHANGES_NEEDED";

    public PreReview {
        rounds = rounds == null ? List.of() : List.copyOf(rounds);
        originals = originals == null ? List.of() : List.copyOf(originals);
    }

    /**
     * One pre-review.
     *
     * @param startedAt when the application entered it (submitted, or corrected after a notice)
     * @param dueDate the last working day to answer
     * @param answeredAt when the clerk answered, or null while open
     * @param answeredBy the clerk's username
     * @param outcome PASSED or CHANGES_NEEDED, null while open
     * @param noticeNumber the notice listing everything to change, for CHANGES_NEEDED
     * @param note the clerk's remark to the applicant, or null
     * @param late whether it was answered after its due date
     */
    public record Round(
            Instant startedAt,
            LocalDate dueDate,
            Instant answeredAt,
            String answeredBy,
            String outcome,
            String noticeNumber,
            String note,
            boolean late) {}

    /**
     * An original the applicant shows at the visit.
     *
     * @param materialCode the material
     * @param name its name
     * @param form ORIGINAL or ORIGINAL_AND_COPY, as the catalog's guide asks
     */
    public record Original(String materialCode, Name name, String form) {}

    /**
     * One thing the clerk found to change.
     *
     * @param materialCode the material
     * @param reason MISSING, DOCUMENT_UNREADABLE or CONTENT_INCORRECT
     * @param note what to change, in the clerk's words, or null
     */
    public record Finding(String materialCode, String reason, String note) {}

    /** Reason of a finding: the material says something wrong or not as required (the note says what). */
    public static final String CONTENT_INCORRECT = "CONTENT_INCORRECT";

    /**
     * The notice of a pre-review that needs changes: every finding at once, numbered after the notices before it
     * (flagged second when there were any, as every later notice is).
     */
    static Notice notice(
            String applicationNumber,
            Requirements requirements,
            List<Notice> issued,
            List<Finding> findings,
            Instant now) {
        List<Notice.Item> items = findings.stream()
                .map(f -> {
                    Requirement r = requirements.material(f.materialCode()).orElseThrow();
                    return new Notice.Item(
                            f.materialCode(),
                            r.name(),
                            f.reason(),
                            r.templateUrl(),
                            r.needs().stream().anyMatch(Requirement.Need::key),
                            r.needs().stream().map(Requirement.Need::itemCode).toList(),
                            null,
                            issued.stream().noneMatch(n -> n.lists(f.materialCode(), f.reason())),
                            null,
                            f.note());
                })
                .toList();
        int sequence = issued.size() + 1;
        return new Notice(applicationNumber + "-N" + sequence, sequence, sequence > 1, now, items, false);
    }

    /** Required, nothing reviewed yet. */
    static PreReview required(int workingDays) {
        return new PreReview(workingDays, null, List.of(), List.of(), null, null);
    }

    Optional<Round> open() {
        return rounds.isEmpty() || rounds.getLast().answeredAt() != null
                ? Optional.empty()
                : Optional.of(rounds.getLast());
    }

    boolean passed() {
        return !rounds.isEmpty() && PASSED.equals(rounds.getLast().outcome());
    }

    /** Whether the open round's due date lies before {@code today}. */
    boolean overdue(LocalDate today) {
        return open().map(r -> r.dueDate().isBefore(today)).orElse(false);
    }

    /** A new round, due on {@code due}. */
    PreReview started(Instant now, LocalDate due) {
        List<Round> all = new ArrayList<>(rounds);
        all.add(new Round(now, due, null, null, null, null, null, false));
        return new PreReview(workingDays, due, all, originals, originalsCheckedAt, originalsCheckedBy);
    }

    /** The open round answered. */
    PreReview answered(
            String outcome, String by, String noticeNumber, String note, List<Original> toBring, Terms terms) {
        Round open = open().orElseThrow();
        List<Round> all = new ArrayList<>(rounds.subList(0, rounds.size() - 1));
        all.add(new Round(
                open.startedAt(),
                open.dueDate(),
                terms.now(),
                by,
                outcome,
                noticeNumber,
                note,
                open.dueDate().isBefore(terms.today())));
        return new PreReview(workingDays, null, all, toBring, originalsCheckedAt, originalsCheckedBy);
    }

    PreReview originalsChecked(String by, Instant at) {
        return new PreReview(workingDays, dueDate, rounds, originals, at, by);
    }
}
