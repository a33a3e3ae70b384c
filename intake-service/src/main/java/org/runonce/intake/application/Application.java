package org.runonce.intake.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.runonce.contracts.catalog.Name;
import org.runonce.intake.completeness.ApplicantData;
import org.runonce.intake.completeness.Completeness;
import org.runonce.intake.completeness.FieldError;
import org.runonce.intake.completeness.MaterialState;
import org.runonce.intake.completeness.PinnedItem;
import org.runonce.intake.completeness.Provision;
import org.runonce.intake.completeness.Requirement;
import org.runonce.intake.completeness.Requirements;
import org.runonce.starter.domain.Refusal;

/**
 * An application for one item or one bundle: the aggregate that owns every change of its state, refuses illegal
 * transitions, and records what happened as {@link ApplicationEvent}s. The one-time notice, the split into cases
 * and what follows completion are its parts: {@link OneTimeNotice}, {@link CasePlan}, {@link Aftercare}.
 */
public final class Application {

    private final String number;
    private final String region;
    private final Channel channel;
    private final String bundleCode;
    private final Name bundleName;
    private final Requirements requirements;
    private final ApplicantData applicant;
    private final Actor filedBy;
    private final Records.IdentityCheck identityCheck;
    private final Map<String, Object> form;
    private final Instant submittedAt;
    private ApplicationStatus status;
    private final Map<String, Provision> provisions;
    private List<MaterialState> states;
    private final List<Notice> notices;
    private Acceptance acceptance;
    private final List<CaseTrack> cases;
    private Records.Refusal refusal;
    private Records.Withdrawal withdrawal;
    private final List<Records.Visit> visits;
    private Instant completedAt;
    private final Aftercare aftercare;
    private PreReview preReview;
    private final List<ApplicationEvent> events = new ArrayList<>();

    private Application(Submission s, Instant submittedAt, Aftercare aftercare) {
        this.number = s.number();
        this.region = s.region();
        this.channel = s.channel();
        this.bundleCode = s.bundleCode();
        this.bundleName = s.bundleName();
        this.requirements = s.requirements();
        this.applicant = s.applicant();
        this.filedBy = s.filedBy();
        this.identityCheck = s.identityCheck();
        this.form = s.form() == null ? Map.of() : s.form();
        this.submittedAt = submittedAt;
        this.provisions = new LinkedHashMap<>(s.provisions());
        this.states = List.of();
        this.notices = new ArrayList<>();
        this.cases = new ArrayList<>();
        this.visits = new ArrayList<>();
        this.aftercare = aftercare;
    }

    /** A new application: nothing checked, noticed, accepted or decided yet. */
    private static Application start(Submission submission, Instant submittedAt) {
        return new Application(
                submission,
                submittedAt,
                Aftercare.beforeCompletion(
                        submission.number(), submission.requirements().items()));
    }

    static Application restore(ApplicationSnapshot s) {
        Application application = new Application(
                s.submission(),
                s.submittedAt(),
                new Aftercare(s.number(), s.requirements().items(), s.deliveryChoice(), s.delivery(), s.evaluation()));
        application.status = s.status();
        application.states = s.states() == null ? List.of() : List.copyOf(s.states());
        application.notices.addAll(s.notices());
        application.acceptance = s.acceptance();
        application.cases.addAll(s.cases());
        application.refusal = s.refusal();
        application.withdrawal = s.withdrawal();
        application.visits.addAll(s.visits());
        application.completedAt = s.completedAt();
        application.preReview = s.preReview();
        return application;
    }

    /**
     * Submits an application and checks it at once: accepted, accepted with deficiencies (when a pledge date is
     * given and only non-key materials are missing), awaiting a clerk's acceptance, or pending a supplement with
     * the one-time notice.
     */
    static Application submit(Submission submission, Terms terms) {
        return submit(submission, terms, null);
    }

    /**
     * Submits an application that, complete, goes to a window clerk's online pre-review (网上预审) instead of being
     * accepted, when {@code preReview} is given and it was submitted online.
     */
    static Application submit(Submission submission, Terms terms, PreReview preReview) {
        Application application = start(submission, terms.now());
        if (preReview != null && submission.channel() == Channel.ONLINE) {
            application.preReview = preReview;
        }
        application.record(new ApplicationEvent.Submitted(terms.now()));
        if (application.channel == Channel.WINDOW) {
            application.visits.add(new Records.Visit(
                    terms.today(), terms.now(), submission.filedBy().username(), "SUBMISSION"));
        }
        application.check(submission.pledgeDate(), terms);
        return application;
    }

    /** Runs the completeness check and moves on from its findings. */
    private void check(LocalDate pledgeDate, Terms terms) {
        states = Completeness.check(requirements.materials(), provisions, applicant, terms.today());
        List<MaterialState> deficiencies = Completeness.deficiencies(states);
        if (deficiencies.isEmpty()) {
            if (preReviewPending()) {
                status = ApplicationStatus.PRE_REVIEW;
                preReview = preReview.started(
                        terms.now(), terms.calendar().plusWorkingDays(terms.today(), preReview.workingDays()));
                return;
            }
            if (terms.automatic()) {
                accept(terms, null, List.of());
            } else {
                status = ApplicationStatus.AWAITING_ACCEPTANCE;
            }
            return;
        }
        if (pledgeDate != null && !preReviewPending() && Completeness.pledgeable(deficiencies)) {
            terms.checkPledgeDate(pledgeDate);
            accept(terms, pledgeDate, deficiencies);
            return;
        }
        status = ApplicationStatus.PENDING_SUPPLEMENT;
        new OneTimeNotice(number, requirements, notices)
                .next(deficiencies, provisions, terms.now())
                .ifPresent(notice -> {
                    notices.add(notice);
                    record(new ApplicationEvent.SupplementRequested(notice));
                });
    }

    /** Accepts: splits into one case per item, computes the promised date, records the acceptance. */
    private void accept(Terms terms, LocalDate pledgeDate, List<MaterialState> missing) {
        CasePlan plan = CasePlan.of(number, requirements);
        cases.addAll(plan.open(provisions, states, terms.now()));
        acceptance = Acceptance.of(
                terms,
                plan.promisedWorkingDays(),
                pledgeDate,
                missing.stream().map(MaterialState::code).toList(),
                visitCount(),
                notices.size());
        status = ApplicationStatus.ACCEPTED;
        record(new ApplicationEvent.Accepted(acceptance, List.copyOf(missing), List.copyOf(cases)));
    }

    /**
     * Hands in materials. Before acceptance it replaces what was given for those materials and checks again (a
     * second notice only for what could not be checked before). After acceptance it answers a department's open
     * supplement request (补正), or else takes the materials missing at an acceptance with deficiencies; either way
     * they must be usable, and the cases concerned get them.
     */
    void supplement(Map<String, Provision> given, Terms terms) {
        if (status != null && status.isOpenForSupplement()) {
            given.forEach((code, provision) -> provisions.put(code, provision.afterNotices(notices.size())));
            check(null, terms);
            return;
        }
        if (status != null && status.isAccepted() && cases.stream().anyMatch(Application::awaitsAnswer)) {
            answerDepartments(given, terms);
            return;
        }
        if (status != null && status.isAccepted() && !acceptance.missing().isEmpty()) {
            supplementMissing(given, terms);
            return;
        }
        throw Refusal.conflict(
                "supplement-not-expected",
                "No supplement expected",
                "Application " + number + " is " + status + " and expects no materials.");
    }

    private void supplementMissing(Map<String, Provision> given, Terms terms) {
        Completeness.requireUsable(given.values(), acceptance.missing(), requirements, applicant, terms.today());
        given.forEach((code, provision) -> provisions.put(code, provision.afterNotices(notices.size())));
        states = Completeness.check(requirements.materials(), provisions, applicant, terms.today());
        List<String> stillMissing = acceptance.missing().stream()
                .filter(code -> !given.containsKey(code))
                .toList();
        acceptance = acceptance.withMissing(stillMissing, terms.now());
        List<Requirement> supplied =
                given.keySet().stream().map(this::requirement).toList();
        var perCase = CasePlan.of(requirements, cases).supply(cases, supplied, provisions, states);
        if (status == ApplicationStatus.OVERDUE_PLEDGE && stillMissing.isEmpty()) {
            status = ApplicationStatus.ACCEPTED;
        }
        record(new ApplicationEvent.MaterialsSupplied(perCase, stillMissing, terms.now()));
    }

    private static boolean awaitsAnswer(CaseTrack c) {
        return !c.isFinal() && c.openRequest().isPresent();
    }

    /**
     * Answers the departments' open supplement requests. A request is answered as a whole (it listed everything
     * at once): every catalog material it names, and for what it describes without a code any material of the
     * case's item. A material no open request asks for, or a request answered in part, is refused and nothing
     * is recorded. The cases answered get the materials (approval resumes them, the clock adjusted by the days
     * it waited); requests of other cases stay open.
     */
    private void answerDepartments(Map<String, Provision> given, Terms terms) {
        List<FieldError> errors = new ArrayList<>();
        Map<Integer, List<String>> answering = new LinkedHashMap<>();
        Set<String> taken = new HashSet<>();
        for (int i = 0; i < cases.size(); i++) {
            CaseTrack c = cases.get(i);
            if (!awaitsAnswer(c)) {
                continue;
            }
            CaseTrack.DepartmentRequest request = c.openRequest().orElseThrow();
            List<String> requested = request.codes();
            boolean uncoded = request.materials().size() > requested.size();
            List<String> forCase = given.keySet().stream()
                    .filter(code -> requested.contains(code) || (uncoded && needs(c.itemCode(), code)))
                    .toList();
            if (forCase.isEmpty()) {
                continue;
            }
            List<String> lacking =
                    requested.stream().filter(code -> !given.containsKey(code)).toList();
            if (!lacking.isEmpty()) {
                errors.add(new FieldError(
                        "materials",
                        "case " + c.caseNumber() + " asked for all of " + requested + " at once; " + lacking
                                + " not given"));
                continue;
            }
            answering.put(i, forCase);
            taken.addAll(forCase);
        }
        given.keySet().stream()
                .filter(code -> !taken.contains(code))
                .forEach(code -> errors.add(
                        new FieldError("materials[" + code + "]", "is not asked for by an open supplement request")));
        if (!errors.isEmpty()) {
            throw FieldError.refusal(
                    Refusal.unprocessable(
                            "supplement-refused",
                            "Supplement refused",
                            "The materials do not answer the departments' requests; nothing was recorded."),
                    errors);
        }
        Completeness.requireUsable(given.values(), List.copyOf(given.keySet()), requirements, applicant, terms.today());
        given.forEach((code, provision) -> provisions.put(code, provision.afterNotices(notices.size())));
        states = Completeness.check(requirements.materials(), provisions, applicant, terms.today());
        List<ApplicationEvent.MaterialsSupplied.CaseMaterials> perCase = new ArrayList<>();
        answering.forEach((i, codes) -> {
            List<CaseMaterial> added = codes.stream()
                    .map(provisions::get)
                    .map(p -> p.documentId() != null
                            ? CaseMaterial.document(p.code(), p.documentId().toString())
                            : CaseMaterial.certificate(p.code(), p.certificate().number()))
                    .toList();
            CaseTrack answered = cases.get(i).answered(added, terms.now());
            cases.set(i, answered);
            perCase.add(new ApplicationEvent.MaterialsSupplied.CaseMaterials(answered.caseNumber(), added));
        });
        record(new ApplicationEvent.MaterialsSupplied(
                perCase, acceptance == null ? List.of() : acceptance.missing(), terms.now()));
    }

    /** Whether the item asks for the material. */
    private boolean needs(String itemCode, String code) {
        return requirements
                .material(code)
                .map(r -> r.needs().stream().anyMatch(n -> n.itemCode().equals(itemCode)))
                .orElse(false);
    }

    /** Accepts with deficiencies (容缺) on the applicant's pledge, when only non-key materials are missing. */
    void pledge(LocalDate pledgeDate, Terms terms) {
        if (status != ApplicationStatus.PENDING_SUPPLEMENT) {
            throw conflict("pledge-not-possible", "Application " + number + " is " + status + ".");
        }
        if (preReviewPending()) {
            throw conflict("pledge-not-possible", "Application " + number + " must pass its online pre-review first.");
        }
        states = Completeness.check(requirements.materials(), provisions, applicant, terms.today());
        List<MaterialState> deficiencies = Completeness.deficiencies(states);
        if (!Completeness.pledgeable(deficiencies)) {
            throw conflict(
                            "pledge-not-possible",
                            "Key materials are missing; they must be handed in before acceptance.")
                    .with("keyMaterials", Completeness.keyMaterials(deficiencies));
        }
        terms.checkPledgeDate(pledgeDate);
        accept(terms, pledgeDate, deficiencies);
    }

    /** A window clerk accepts a complete application (when automatic acceptance is off). */
    void acceptAtWindow(Terms terms) {
        if (status != ApplicationStatus.AWAITING_ACCEPTANCE) {
            throw conflict("acceptance-not-possible", "Application " + number + " is " + status + ".");
        }
        check(null, terms.acceptingAtOnce());
    }

    /** 不予受理, with the reason and the legal basis, before acceptance. */
    void refuse(String reason, String legalBasis, Terms terms) {
        if (status == null || !(status.isOpenForSupplement() || status.isPreReview())) {
            throw conflict("refusal-not-possible", "Application " + number + " is " + status + ".");
        }
        status = ApplicationStatus.REFUSED;
        refusal = new Records.Refusal(reason, legalBasis, terms.actor().username(), terms.now());
        record(new ApplicationEvent.Refused(refusal));
    }

    /**
     * Withdrawn before any decision: by the applicant, or by a clerk either with the applicant's confirmation or
     * with a recorded reason that supervision sees (withdrawing or returning to dodge the time limit is what the rule
     * is against).
     */
    void withdraw(String reason, boolean confirmedByApplicant, String confirmation, Terms terms) {
        boolean open = status != null && (status.isOpenForSupplement() || status.isPreReview() || status.isAccepted());
        if (!open || cases.stream().anyMatch(CaseTrack::decided)) {
            throw conflict(
                    "withdrawal-not-possible",
                    "Application " + number + " is " + status + (open ? " and a case is already decided." : "."));
        }
        if (!confirmedByApplicant && (reason == null || reason.isBlank())) {
            throw FieldError.refusal(
                    Refusal.badRequest(
                            "withdrawal-reason-required",
                            "Reason required",
                            "Without the applicant's confirmation a clerk withdraws only with a reason, which"
                                    + " supervision sees."),
                    List.of(new FieldError("reason", "is required without the applicant's confirmation")));
        }
        status = ApplicationStatus.WITHDRAWN;
        withdrawal = new Records.Withdrawal(
                reason, terms.actor().username(), terms.now(), confirmedByApplicant, confirmation);
        cases.replaceAll(c -> c.withdrawn(terms.now()));
        record(new ApplicationEvent.Withdrawn(withdrawal, caseNumbers()));
    }

    /** Whether the application still has to pass an online pre-review before it can be accepted. */
    private boolean preReviewPending() {
        return preReview != null && !preReview.passed();
    }

    /**
     * A window clerk answers the open online pre-review (网上预审): {@code PASSED}, the applicant then brings
     * {@code originals} to the one visit; or {@code CHANGES_NEEDED} with ONE notice listing every finding, which the
     * applicant corrects online (a supplement), after which it is pre-reviewed again.
     */
    void answerPreReview(
            String outcome,
            List<PreReview.Finding> findings,
            String note,
            List<PreReview.Original> originals,
            Terms terms) {
        if (status != ApplicationStatus.PRE_REVIEW) {
            throw conflict("pre-review-not-possible", "Application " + number + " is " + status + ".");
        }
        boolean passed = PreReview.PASSED.equals(outcome);
        List<FieldError> errors = new ArrayList<>();
        if (passed && !findings.isEmpty()) {
            errors.add(new FieldError("findings", "must be empty when the pre-review passed"));
        }
        if (!passed && findings.isEmpty()) {
            errors.add(new FieldError("findings", "must list everything to change, at once"));
        }
        for (int i = 0; i < findings.size(); i++) {
            if (requirements.material(findings.get(i).materialCode()).isEmpty()) {
                errors.add(new FieldError("findings[" + i + "].materialCode", "is not a material of this application"));
            }
        }
        if (!errors.isEmpty()) {
            throw FieldError.invalid(errors);
        }
        if (passed) {
            preReview = preReview.answered(PreReview.PASSED, terms.actor().username(), null, note, originals, terms);
            status = ApplicationStatus.PRE_REVIEW_PASSED;
            record(new ApplicationEvent.PreReviewPassed(preReview.rounds().getLast(), preReview.originals()));
            return;
        }
        Notice notice = PreReview.notice(number, requirements, notices, findings, terms.now());
        notices.add(notice);
        preReview = preReview.answered(
                PreReview.CHANGES_NEEDED, terms.actor().username(), notice.number(), note, List.of(), terms);
        status = ApplicationStatus.PENDING_SUPPLEMENT;
        record(new ApplicationEvent.SupplementRequested(notice));
    }

    /**
     * The one visit after a passed pre-review: the clerk has checked the originals, and the application is accepted
     * in that visit.
     */
    void checkOriginals(Terms terms) {
        if (status != ApplicationStatus.PRE_REVIEW_PASSED) {
            throw conflict("originals-check-not-possible", "Application " + number + " is " + status + ".");
        }
        recordVisit("ORIGINALS_CHECK", terms);
        preReview = preReview.originalsChecked(terms.actor().username(), terms.now());
        check(null, terms.acceptingAtOnce());
    }

    /** Whether the pledge date passed without the missing materials; if so the application goes to the clerks. */
    boolean markPledgeOverdue(Terms terms) {
        if (status != ApplicationStatus.ACCEPTED
                || acceptance == null
                || acceptance.pledgeDate() == null
                || acceptance.missing().isEmpty()
                || !acceptance.pledgeDate().isBefore(terms.today())) {
            return false;
        }
        status = ApplicationStatus.OVERDUE_PLEDGE;
        acceptance = acceptance.overdue(terms.now());
        record(new ApplicationEvent.PledgeOverdue(
                acceptance.pledgeDate(), acceptance.missing(), caseNumbers(), terms.now()));
        return true;
    }

    /**
     * A case moved on in its department. Final statuses are never left; an older update than the case's last one
     * is ignored (redeliveries). When every case is decided the application is completed.
     *
     * @return whether anything changed
     */
    boolean caseProgressed(CaseUpdate update) {
        for (int i = 0; i < cases.size(); i++) {
            CaseTrack c = cases.get(i);
            if (!c.caseNumber().equals(update.caseNumber())) {
                continue;
            }
            if (c.isFinal() || (c.statusAt() != null && update.at().isBefore(c.statusAt()))) {
                return false;
            }
            cases.set(i, c.with(update));
            if (status != null && status.isAccepted() && cases.stream().allMatch(CaseTrack::decided)) {
                status = ApplicationStatus.COMPLETED;
                completedAt = update.at();
                record(new ApplicationEvent.Completed(List.copyOf(cases), update.at()));
                aftercare
                        .deliverElectronically(update.at())
                        .ifPresent(delivery -> record(new ApplicationEvent.ResultDelivered(delivery)));
            }
            return true;
        }
        return false;
    }

    /** Delivers the results of every case once (统一出件). */
    void deliver(String method, String trackingNumber, String address, Terms terms) {
        if (status != ApplicationStatus.COMPLETED) {
            throw conflict("delivery-not-possible", "Application " + number + " is " + status + ", not COMPLETED.");
        }
        Records.Delivery delivery = aftercare.deliver(method, trackingNumber, address, terms.actor(), terms.now());
        if (Aftercare.WINDOW_PICKUP.equals(method)) {
            recordVisit("RESULT_PICKUP", terms);
        }
        record(new ApplicationEvent.ResultDelivered(delivery));
    }

    /**
     * The applicant's choice of delivery (at submission or later, until delivered); an electronic delivery chosen
     * after completion happens at once.
     */
    void chooseDelivery(String method, String address, Terms terms) {
        if (status == null
                || !(status.isOpenForSupplement()
                        || status.isPreReview()
                        || status.isAccepted()
                        || status == ApplicationStatus.COMPLETED)) {
            throw conflict("delivery-not-possible", "Application " + number + " is " + status + ".");
        }
        aftercare.choose(method, address, terms.actor(), terms.now());
        if (status == ApplicationStatus.COMPLETED) {
            aftercare
                    .deliverElectronically(terms.now())
                    .ifPresent(delivery -> record(new ApplicationEvent.ResultDelivered(delivery)));
        }
    }

    /** The methods the results can be delivered by at once. */
    List<String> deliveryOptions() {
        return aftercare.deliveryOptions();
    }

    /** 好差评, once, after completion; 1 or 2 opens a follow-up due on {@code followUpDue}. */
    void evaluate(int rating, String comment, LocalDate followUpDue, String channel, Terms terms) {
        if (status != ApplicationStatus.COMPLETED
                && status != ApplicationStatus.REFUSED
                && status != ApplicationStatus.WITHDRAWN) {
            throw conflict(
                    "evaluation-not-possible",
                    "Application " + number + " is " + status + "; the service is rated once it is completed,"
                            + " refused or withdrawn.");
        }
        Records.Evaluation evaluation =
                aftercare.evaluate(rating, comment, followUpDue, channel, ratedDepartments(), terms.now());
        record(new ApplicationEvent.Evaluated(evaluation, evaluation.departments()));
    }

    /** The departments a rating concerns: of the cases, or of the items when none was opened (refused, withdrawn). */
    List<String> ratedDepartments() {
        var departments = cases.isEmpty()
                ? requirements.items().stream().map(PinnedItem::departmentCode)
                : cases.stream().map(CaseTrack::departmentCode);
        return departments.distinct().toList();
    }

    /** A department rated badly records its follow-up (整改回访), which the applicant sees. */
    void followUpRating(String department, String note, Terms terms) {
        Records.FollowUp followUp = aftercare.followUp(department, note, terms.actor(), terms.now());
        record(new ApplicationEvent.RatingFollowedUp(followUp));
    }

    /** A supervisor closes the follow-up of a bad rating. */
    void resolveFollowUp(String note, Terms terms) {
        aftercare.resolveFollowUp(note, terms.actor(), terms.now());
    }

    /** Records an in-person contact at a window. */
    void recordVisit(String purpose, Terms terms) {
        visits.add(new Records.Visit(terms.today(), terms.now(), terms.actor().username(), purpose));
    }

    /**
     * The clerk filing it names the queue ticket they serve (取号): today's contacts at the window were that ticket's
     * trip.
     */
    void servedOnTicket(String ticket, Terms terms) {
        visits.replaceAll(v -> v.ticket() == null && v.day().equals(terms.today()) ? v.onTicket(ticket) : v);
    }

    /**
     * The applicant was served at a window on a queue ticket booked for {@code itemCode} or {@code bundleCode}: the
     * trip is this application's visit when it is open (before acceptance, or accepted and running) for that item or
     * bundle and the ticket's trip is not recorded yet. Whether it was recorded.
     */
    boolean servedFor(String itemCode, String bundleCode, String ticket, Terms terms) {
        boolean open = status != null && (status.isOpenForSupplement() || status.isAccepted());
        boolean concerns = bundleCode != null
                ? bundleCode.equals(this.bundleCode)
                : this.bundleCode == null
                        && requirements.items().stream()
                                .anyMatch(i -> i.itemCode().equals(itemCode));
        if (!open || !concerns || visits.stream().anyMatch(v -> ticket.equals(v.ticket()))) {
            return false;
        }
        visits.add(new Records.Visit(terms.today(), terms.now(), terms.actor().username(), "SERVED", ticket));
        return true;
    }

    /** Trips to a window: contacts on the same day count once. */
    int visitCount() {
        return (int) visits.stream().map(Records.Visit::day).distinct().count();
    }

    List<ApplicationEvent> pullEvents() {
        List<ApplicationEvent> pulled = List.copyOf(events);
        events.clear();
        return pulled;
    }

    private void record(ApplicationEvent event) {
        events.add(event);
    }

    private Requirement requirement(String code) {
        return requirements
                .material(code)
                .orElseThrow(() -> new IllegalStateException("no requirement " + code + " in " + number));
    }

    private List<String> caseNumbers() {
        return cases.stream().map(CaseTrack::caseNumber).toList();
    }

    static Refusal conflict(String slug, String detail) {
        return Refusal.conflict(slug, "Not possible now", detail);
    }

    boolean ownedBy(String subject) {
        return subject != null && subject.equals(applicant.subject());
    }

    /** The state as stored and as papers and views show it. */
    public ApplicationSnapshot snapshot() {
        return new ApplicationSnapshot(
                number,
                region,
                channel,
                bundleCode,
                bundleName,
                requirements,
                applicant,
                filedBy,
                identityCheck,
                form,
                submittedAt,
                status,
                provisions,
                states,
                notices,
                acceptance,
                cases,
                refusal,
                withdrawal,
                visits,
                completedAt,
                aftercare.deliveryChoice(),
                aftercare.delivery(),
                aftercare.evaluation(),
                preReview);
    }

    public String number() {
        return number;
    }

    public ApplicationStatus status() {
        return status;
    }

    public List<Notice> notices() {
        return List.copyOf(notices);
    }

    public Optional<Acceptance> acceptance() {
        return Optional.ofNullable(acceptance);
    }

    List<CaseTrack> cases() {
        return List.copyOf(cases);
    }
}
