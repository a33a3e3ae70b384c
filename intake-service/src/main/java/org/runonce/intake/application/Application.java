package org.runonce.intake.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.runonce.contracts.calendar.WorkingDayCalendar;
import org.runonce.contracts.catalog.Name;
import org.runonce.contracts.intake.ApplicationAccepted;
import org.runonce.contracts.intake.ApplicationCompleted;
import org.runonce.contracts.intake.ApplicationEvaluated;
import org.runonce.contracts.intake.ApplicationMaterialsSupplied;
import org.runonce.contracts.intake.ApplicationPledgeOverdue;
import org.runonce.contracts.intake.ApplicationRefused;
import org.runonce.contracts.intake.ApplicationResultDelivered;
import org.runonce.contracts.intake.ApplicationSubmitted;
import org.runonce.contracts.intake.ApplicationSupplementRequested;
import org.runonce.contracts.intake.ApplicationWithdrawn;
import org.runonce.contracts.intake.Deficiency;
import org.runonce.contracts.intake.MaterialReference;
import org.runonce.intake.application.MaterialState.Outcome;
import org.runonce.starter.web.ProblemException;
import org.springframework.http.HttpStatus;

/**
 * An application for one item or one bundle: the aggregate that owns every change of its state, refuses illegal
 * transitions, and records the events its changes publish.
 */
final class Application {

    private final String number;
    private final String region;
    private final Channel channel;
    private final String bundleCode;
    private final Name bundleName;
    private final Requirements requirements;
    private final ApplicantData applicant;
    private final Actor filedBy;
    private final Map<String, Object> form;
    private final Instant submittedAt;
    private ApplicationStatus status;
    private final Map<String, Provision> provisions;
    private List<MaterialState> states;
    private final List<Notice> notices;
    private Acceptance acceptance;
    private final List<Case> cases;
    private Records.Refusal refusal;
    private Records.Withdrawal withdrawal;
    private final List<Records.Visit> visits;
    private Instant completedAt;
    private Records.Delivery delivery;
    private Records.Evaluation evaluation;
    private final List<Recorded> events = new ArrayList<>();

    /** An event recorded by a state change, published in the same transaction. */
    record Recorded(String type, Object data) {}

    /**
     * What a check or acceptance needs from outside the aggregate.
     *
     * @param automatic accept a complete application at once
     * @param calendar the region's working-day calendar
     * @param maxPledgeWorkingDays how far a pledge date may lie
     * @param today the day in the service's zone
     * @param now the instant
     * @param actor who acts
     */
    record Terms(
            boolean automatic,
            WorkingDayCalendar calendar,
            int maxPledgeWorkingDays,
            LocalDate today,
            Instant now,
            Actor actor) {

        Terms acceptingAtOnce() {
            return new Terms(true, calendar, maxPledgeWorkingDays, today, now, actor);
        }
    }

    private Application(ApplicationSnapshot s) {
        this.number = s.number();
        this.region = s.region();
        this.channel = s.channel();
        this.bundleCode = s.bundleCode();
        this.bundleName = s.bundleName();
        this.requirements = s.requirements();
        this.applicant = s.applicant();
        this.filedBy = s.filedBy();
        this.form = s.form() == null ? Map.of() : s.form();
        this.submittedAt = s.submittedAt();
        this.status = s.status();
        this.provisions = new LinkedHashMap<>(s.provisions());
        this.states = s.states() == null ? List.of() : List.copyOf(s.states());
        this.notices = new ArrayList<>(s.notices());
        this.acceptance = s.acceptance();
        this.cases = new ArrayList<>(s.cases());
        this.refusal = s.refusal();
        this.withdrawal = s.withdrawal();
        this.visits = new ArrayList<>(s.visits());
        this.completedAt = s.completedAt();
        this.delivery = s.delivery();
        this.evaluation = s.evaluation();
    }

    static Application restore(ApplicationSnapshot snapshot) {
        return new Application(snapshot);
    }

    /**
     * Submits an application and checks it at once: accepted, accepted with deficiencies (when a pledge date is
     * given and only non-key materials are missing), awaiting a clerk's acceptance, or pending a supplement with
     * the one-time notice.
     */
    static Application submit(
            String number,
            String region,
            Channel channel,
            ApplicantData applicant,
            Actor filedBy,
            String bundleCode,
            Name bundleName,
            Requirements requirements,
            Map<String, Object> form,
            Map<String, Provision> provisions,
            LocalDate pledgeDate,
            Terms terms) {
        Application application = new Application(new ApplicationSnapshot(
                number,
                region,
                channel,
                bundleCode,
                bundleName,
                requirements,
                applicant,
                filedBy,
                form,
                terms.now(),
                null,
                provisions,
                List.of(),
                List.of(),
                null,
                List.of(),
                null,
                null,
                List.of(),
                null,
                null,
                null));
        application.record(
                ApplicationSubmitted.TYPE,
                new ApplicationSubmitted(
                        number,
                        bundleCode,
                        application.itemCodes(),
                        channel.name(),
                        region,
                        applicant.toContract(),
                        filedBy == null ? null : filedBy.username(),
                        terms.now()));
        if (channel == Channel.WINDOW) {
            application.visits.add(new Records.Visit(terms.today(), terms.now(), filedBy.username(), "SUBMISSION"));
        }
        application.check(pledgeDate, terms);
        return application;
    }

    /** Runs the completeness check and moves on from its findings. */
    private void check(LocalDate pledgeDate, Terms terms) {
        states = Completeness.check(requirements.materials(), provisions, applicant, terms.today());
        List<MaterialState> deficiencies = Completeness.deficiencies(states);
        if (deficiencies.isEmpty()) {
            if (terms.automatic()) {
                accept(terms, null, List.of());
            } else {
                status = ApplicationStatus.AWAITING_ACCEPTANCE;
            }
            return;
        }
        if (pledgeDate != null && Completeness.pledgeable(deficiencies)) {
            checkPledgeDate(pledgeDate, terms);
            accept(terms, pledgeDate, deficiencies);
            return;
        }
        status = ApplicationStatus.PENDING_SUPPLEMENT;
        notify(deficiencies, terms.now());
    }

    /**
     * Issues the one-time notice listing every deficiency. A later notice is only issued for what no earlier one
     * listed (a material handed in since and found deficient, or one that changed); it is flagged as second and
     * still lists everything outstanding, so the latest notice is always complete.
     */
    private void notify(List<MaterialState> deficiencies, Instant now) {
        List<Notice.Item> items = new ArrayList<>();
        boolean anythingNew = false;
        for (MaterialState deficiency : deficiencies) {
            boolean listed = notices.stream().anyMatch(n -> n.lists(deficiency.code(), deficiency.reason()));
            anythingNew |= !listed;
            String cause = null;
            if (!listed && !notices.isEmpty()) {
                Provision provision = provisions.get(deficiency.code());
                cause = provision != null && provision.noticesBefore() >= notices.size()
                        ? Notice.SUPPLIED_AFTER_NOTICE
                        : Notice.CHANGED_SINCE_NOTICE;
            }
            Requirement requirement = requirement(deficiency.code());
            items.add(new Notice.Item(
                    deficiency.code(),
                    requirement.name(),
                    deficiency.reason(),
                    requirement.templateUrl(),
                    deficiency.key(),
                    deficiency.neededBy(),
                    deficiency.expiredOn(),
                    !listed,
                    cause));
        }
        if (!anythingNew) {
            return; // everything outstanding was already notified: no piecemeal notices
        }
        int sequence = notices.size() + 1;
        Notice notice = new Notice(
                number + "-N" + sequence, sequence, sequence > 1, now, items, Completeness.pledgeable(deficiencies));
        notices.add(notice);
        record(
                ApplicationSupplementRequested.TYPE,
                new ApplicationSupplementRequested(
                        number,
                        notice.number(),
                        notice.second(),
                        notice.items().stream()
                                .map(i -> new Deficiency(
                                        i.materialCode(),
                                        i.name(),
                                        i.reason(),
                                        Texts.reason(i.reason(), i.expiredOn(), applicant.english()),
                                        i.templateUrl(),
                                        i.key(),
                                        i.neededBy()))
                                .toList(),
                        notice.acceptableWithPledge(),
                        "/api/intake/applications/" + number + "/notices/" + notice.number() + "/document",
                        applicant.toContract(),
                        now));
    }

    private void checkPledgeDate(LocalDate pledgeDate, Terms terms) {
        LocalDate latest = terms.calendar().plusWorkingDays(terms.today(), terms.maxPledgeWorkingDays());
        if (!pledgeDate.isAfter(terms.today()) || pledgeDate.isAfter(latest)) {
            throw new ProblemException(
                            HttpStatus.UNPROCESSABLE_CONTENT,
                            "pledge-date-invalid",
                            "Pledge date not possible",
                            "Pledge a date after today and at most " + terms.maxPledgeWorkingDays()
                                    + " working days ahead, i.e. by " + latest + ".")
                    .with("earliest", terms.today().plusDays(1))
                    .with("latest", latest);
        }
    }

    /** Accepts: splits into one case per item, computes the promised date, records ApplicationAccepted. */
    private void accept(Terms terms, LocalDate pledgeDate, List<MaterialState> missing) {
        Map<String, String> caseNumbers = new HashMap<>();
        List<PinnedItem> items = requirements.items();
        for (int i = 0; i < items.size(); i++) {
            caseNumbers.put(items.get(i).itemCode(), "%s-%02d".formatted(number, i + 1));
        }
        for (PinnedItem item : items) {
            List<String> dependsOn =
                    item.dependsOn().stream().map(caseNumbers::get).toList();
            cases.add(new Case(
                    caseNumbers.get(item.itemCode()),
                    item.itemCode(),
                    item.version(),
                    item.departmentCode(),
                    dependsOn,
                    item.promisedWorkingDays(),
                    materialsOf(item, caseNumbers),
                    dependsOn.isEmpty() ? Case.PENDING : Case.WAITING,
                    null,
                    terms.now()));
        }
        int promised = criticalPathWorkingDays(items);
        LocalDate promisedDate = terms.calendar().plusWorkingDays(terms.today(), promised);
        acceptance = new Acceptance(
                terms.now(),
                terms.actor().username(),
                terms.today(),
                promised,
                promisedDate,
                pledgeDate != null,
                pledgeDate,
                missing.stream().map(MaterialState::code).toList(),
                null,
                null,
                visitCount(),
                notices.size());
        status = ApplicationStatus.ACCEPTED;
        record(
                ApplicationAccepted.TYPE,
                new ApplicationAccepted(
                        number,
                        bundleCode,
                        applicant.toContract(),
                        channel.name(),
                        region,
                        filedBy == null ? null : filedBy.username(),
                        terms.now(),
                        promised,
                        promisedDate,
                        pledgeDate != null,
                        pledgeDate,
                        missing.stream()
                                .map(m -> new ApplicationAccepted.MissingMaterial(
                                        m.code(),
                                        requirement(m.code()).name(),
                                        m.neededBy().stream()
                                                .map(caseNumbers::get)
                                                .toList()))
                                .toList(),
                        form,
                        cases.stream()
                                .map(c -> new ApplicationAccepted.Case(
                                        c.caseNumber(),
                                        c.itemCode(),
                                        c.itemVersion(),
                                        c.departmentCode(),
                                        c.dependsOn(),
                                        c.promisedWorkingDays(),
                                        c.materials()))
                                .toList()));
    }

    /** The working days of the longest chain of dependent items: the bundle's promised time. */
    static int criticalPathWorkingDays(List<PinnedItem> items) {
        Map<String, Integer> finish = new HashMap<>();
        int longest = 0;
        for (PinnedItem item : items) {
            int start = item.dependsOn().stream()
                    .mapToInt(d -> finish.getOrDefault(d, 0))
                    .max()
                    .orElse(0);
            int end = start + item.promisedWorkingDays();
            finish.put(item.itemCode(), end);
            longest = Math.max(longest, end);
        }
        return longest;
    }

    /** The references a case of this item opens with: what was handed in, or the case that will produce it. */
    private List<MaterialReference> materialsOf(PinnedItem item, Map<String, String> caseNumbers) {
        List<MaterialReference> references = new ArrayList<>();
        for (Requirement requirement : requirements.materials()) {
            Optional<Requirement.Need> need = requirement.needs().stream()
                    .filter(n -> n.itemCode().equals(item.itemCode()))
                    .findFirst();
            if (need.isEmpty()) {
                continue;
            }
            reference(requirement, need.get(), caseNumbers).ifPresent(references::add);
        }
        return references;
    }

    private Optional<MaterialReference> reference(
            Requirement requirement, Requirement.Need need, Map<String, String> caseNumbers) {
        Provision provision = provisions.get(requirement.code());
        MaterialState state = state(requirement.code());
        if (provision != null && state != null && state.outcome() == Outcome.PROVIDED) {
            return Optional.of(
                    provision.documentId() != null
                            ? new MaterialReference(
                                    requirement.code(), provision.documentId().toString(), null, null)
                            : new MaterialReference(
                                    requirement.code(),
                                    null,
                                    provision.certificate().number(),
                                    null));
        }
        String producer =
                provision != null && provision.producedBy() != null ? provision.producedBy() : need.producer();
        if (producer != null && caseNumbers.containsKey(producer)) {
            return Optional.of(new MaterialReference(requirement.code(), null, null, caseNumbers.get(producer)));
        }
        return Optional.empty();
    }

    /**
     * Hands in materials. Before acceptance it replaces what was given for those materials and checks again (a
     * second notice only for what could not be checked before). After an acceptance with deficiencies it takes the
     * missing materials, which must be usable, and passes them to the cases.
     */
    void supplement(Map<String, Provision> given, Terms terms) {
        if (status != null && status.isOpenForSupplement()) {
            given.forEach((code, provision) -> provisions.put(code, provision.afterNotices(notices.size())));
            check(null, terms);
            return;
        }
        if (status != null && status.isAccepted() && !acceptance.missing().isEmpty()) {
            supplementMissing(given, terms);
            return;
        }
        throw new ProblemException(
                HttpStatus.CONFLICT,
                "supplement-not-expected",
                "No supplement expected",
                "Application " + number + " is " + status + " and expects no materials.");
    }

    private void supplementMissing(Map<String, Provision> given, Terms terms) {
        List<FieldError> errors = new ArrayList<>();
        for (Provision provision : given.values()) {
            String field = "materials[" + provision.code() + "]";
            if (!acceptance.missing().contains(provision.code())) {
                errors.add(new FieldError(field, "is not among the missing materials " + acceptance.missing()));
                continue;
            }
            MaterialState state =
                    Completeness.check(requirement(provision.code()), provision, applicant, terms.today());
            if (state.outcome() != Outcome.PROVIDED) {
                errors.add(new FieldError(field, Texts.reason(state.reason(), state.expiredOn(), applicant.english())));
            }
        }
        if (!errors.isEmpty()) {
            throw FieldError.problem(
                    HttpStatus.UNPROCESSABLE_CONTENT,
                    "supplement-refused",
                    "Supplement refused",
                    "The materials handed in cannot be used; nothing was recorded.",
                    errors);
        }
        given.forEach((code, provision) -> provisions.put(code, provision.afterNotices(notices.size())));
        states = Completeness.check(requirements.materials(), provisions, applicant, terms.today());
        List<String> stillMissing = acceptance.missing().stream()
                .filter(code -> !given.containsKey(code))
                .toList();
        acceptance = acceptance.withMissing(stillMissing, terms.now());
        Map<String, String> caseNumbers = new HashMap<>();
        cases.forEach(c -> caseNumbers.put(c.itemCode(), c.caseNumber()));
        List<ApplicationMaterialsSupplied.CaseMaterials> perCase = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            Case c = cases.get(i);
            List<MaterialReference> added = new ArrayList<>();
            for (String code : given.keySet()) {
                Requirement requirement = requirement(code);
                requirement.needs().stream()
                        .filter(n -> n.itemCode().equals(c.itemCode()))
                        .findFirst()
                        .flatMap(need -> reference(requirement, need, caseNumbers))
                        .ifPresent(added::add);
            }
            if (!added.isEmpty()) {
                List<MaterialReference> all = new ArrayList<>(c.materials());
                all.addAll(added);
                cases.set(i, c.withMaterials(List.copyOf(all)));
                perCase.add(new ApplicationMaterialsSupplied.CaseMaterials(c.caseNumber(), List.copyOf(added)));
            }
        }
        if (status == ApplicationStatus.OVERDUE_PLEDGE && stillMissing.isEmpty()) {
            status = ApplicationStatus.ACCEPTED;
        }
        record(
                ApplicationMaterialsSupplied.TYPE,
                new ApplicationMaterialsSupplied(number, perCase, stillMissing, terms.now()));
    }

    /** Accepts with deficiencies (容缺) on the applicant's pledge, when only non-key materials are missing. */
    void pledge(LocalDate pledgeDate, Terms terms) {
        if (status != ApplicationStatus.PENDING_SUPPLEMENT) {
            throw conflict("pledge-not-possible", "Application " + number + " is " + status + ".");
        }
        states = Completeness.check(requirements.materials(), provisions, applicant, terms.today());
        List<MaterialState> deficiencies = Completeness.deficiencies(states);
        if (!Completeness.pledgeable(deficiencies)) {
            throw conflict(
                            "pledge-not-possible",
                            "Key materials are missing; they must be handed in before acceptance.")
                    .with(
                            "keyMaterials",
                            deficiencies.stream()
                                    .filter(MaterialState::key)
                                    .map(MaterialState::code)
                                    .toList());
        }
        checkPledgeDate(pledgeDate, terms);
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
        if (status == null || !status.isOpenForSupplement()) {
            throw conflict("refusal-not-possible", "Application " + number + " is " + status + ".");
        }
        status = ApplicationStatus.REFUSED;
        refusal = new Records.Refusal(reason, legalBasis, terms.actor().username(), terms.now());
        record(
                ApplicationRefused.TYPE,
                new ApplicationRefused(
                        number, reason, legalBasis, terms.actor().username(), applicant.toContract(), terms.now()));
    }

    /** The applicant withdraws before any case is decided. */
    void withdraw(String reason, Terms terms) {
        boolean open = status != null && (status.isOpenForSupplement() || status.isAccepted());
        if (!open || cases.stream().anyMatch(Case::decided)) {
            throw conflict(
                    "withdrawal-not-possible",
                    "Application " + number + " is " + status + (open ? " and a case is already decided." : "."));
        }
        status = ApplicationStatus.WITHDRAWN;
        withdrawal = new Records.Withdrawal(reason, terms.actor().username(), terms.now());
        cases.replaceAll(c -> c.withStatus(Case.WITHDRAWN, null, terms.now()));
        record(
                ApplicationWithdrawn.TYPE,
                new ApplicationWithdrawn(
                        number,
                        reason,
                        cases.stream().map(Case::caseNumber).toList(),
                        terms.actor().username(),
                        terms.now()));
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
        record(
                ApplicationPledgeOverdue.TYPE,
                new ApplicationPledgeOverdue(
                        number,
                        acceptance.pledgeDate(),
                        acceptance.missing(),
                        cases.stream().map(Case::caseNumber).toList(),
                        applicant.toContract(),
                        terms.now()));
        return true;
    }

    /**
     * A case moved on in its department. Final statuses are never left; an older update than the case's last one
     * is ignored (redeliveries). When every case is decided the application is completed.
     *
     * @return whether anything changed
     */
    boolean caseProgressed(String caseNumber, String caseStatus, String certificateNumber, Instant at) {
        for (int i = 0; i < cases.size(); i++) {
            Case c = cases.get(i);
            if (!c.caseNumber().equals(caseNumber)) {
                continue;
            }
            if (c.isFinal() || (c.statusAt() != null && at.isBefore(c.statusAt()))) {
                return false;
            }
            cases.set(i, c.withStatus(caseStatus, certificateNumber, at));
            if (status != null && status.isAccepted() && cases.stream().allMatch(Case::decided)) {
                complete(at);
            }
            return true;
        }
        return false;
    }

    private void complete(Instant at) {
        status = ApplicationStatus.COMPLETED;
        completedAt = at;
        record(
                ApplicationCompleted.TYPE,
                new ApplicationCompleted(
                        number,
                        cases.stream()
                                .map(c -> new ApplicationCompleted.CaseOutcome(
                                        c.caseNumber(),
                                        c.itemCode(),
                                        c.departmentCode(),
                                        c.status(),
                                        c.certificateNumber()))
                                .toList(),
                        applicant.toContract(),
                        at));
    }

    /** Delivers the results of every case once (统一出件). */
    void deliver(String method, String trackingNumber, String address, Terms terms) {
        if (status != ApplicationStatus.COMPLETED) {
            throw conflict("delivery-not-possible", "Application " + number + " is " + status + ", not COMPLETED.");
        }
        if (delivery != null) {
            throw conflict(
                    "delivery-already-recorded",
                    "The results were delivered on " + delivery.deliveredAt() + " by " + delivery.method() + ".");
        }
        List<String> offered = deliveryOptions();
        if (!offered.contains(method)) {
            throw new ProblemException(
                            HttpStatus.UNPROCESSABLE_CONTENT,
                            "delivery-method-not-offered",
                            "Delivery method not offered",
                            "The results of this application can be delivered by " + offered + ".")
                    .with("offered", offered);
        }
        if ("MAIL".equals(method) && (blank(trackingNumber) || blank(address))) {
            List<FieldError> errors = new ArrayList<>();
            if (blank(trackingNumber)) {
                errors.add(new FieldError("trackingNumber", "is required for MAIL"));
            }
            if (blank(address)) {
                errors.add(new FieldError("address", "is required for MAIL"));
            }
            throw FieldError.problem(
                    HttpStatus.BAD_REQUEST, "validation-failed", "Validation failed", "Mail needs both.", errors);
        }
        boolean mail = "MAIL".equals(method);
        delivery = new Records.Delivery(
                method,
                mail ? trackingNumber : null,
                mail ? address : null,
                terms.actor().username(),
                terms.now());
        if ("WINDOW_PICKUP".equals(method)) {
            recordVisit("RESULT_PICKUP", terms);
        }
        record(
                ApplicationResultDelivered.TYPE,
                new ApplicationResultDelivered(
                        number,
                        method,
                        delivery.trackingNumber(),
                        delivery.address(),
                        terms.actor().username(),
                        applicant.toContract(),
                        terms.now()));
    }

    /**
     * The methods the results can be delivered by at once: each item offers the method, or delivers its result
     * electronically anyway (an e-certificate needs no trip and no post).
     */
    List<String> deliveryOptions() {
        return java.util.stream.Stream.of("WINDOW_PICKUP", "MAIL", "ELECTRONIC")
                .filter(method -> requirements.items().stream()
                        .allMatch(item -> item.deliveryOptions().contains(method)
                                || item.deliveryOptions().contains("ELECTRONIC")))
                .toList();
    }

    /** 好差评, once, after completion; 1 or 2 opens a follow-up due on {@code followUpDue}. */
    void evaluate(int rating, String comment, LocalDate followUpDue, Terms terms) {
        if (status != ApplicationStatus.COMPLETED) {
            throw conflict("evaluation-not-possible", "Application " + number + " is " + status + ", not COMPLETED.");
        }
        if (evaluation != null) {
            throw conflict("evaluation-already-recorded", "Application " + number + " was already rated.");
        }
        LocalDate due = rating <= 2 ? followUpDue : null;
        evaluation = new Records.Evaluation(rating, comment, terms.now(), due, null, null, null);
        record(
                ApplicationEvaluated.TYPE,
                new ApplicationEvaluated(
                        number,
                        rating,
                        comment,
                        cases.stream().map(Case::departmentCode).distinct().toList(),
                        due,
                        terms.now()));
    }

    /** A supervisor closes the follow-up of a bad rating. */
    void resolveFollowUp(String note, Terms terms) {
        if (evaluation == null || !evaluation.followUpOpen()) {
            throw conflict("no-open-follow-up", "Application " + number + " has no open follow-up.");
        }
        evaluation = evaluation.resolved(terms.actor().username(), note, terms.now());
    }

    /** Records an in-person contact at a window. */
    void recordVisit(String purpose, Terms terms) {
        visits.add(new Records.Visit(terms.today(), terms.now(), terms.actor().username(), purpose));
    }

    /** Trips to a window: contacts on the same day count once. */
    int visitCount() {
        return (int) visits.stream().map(Records.Visit::day).distinct().count();
    }

    List<Recorded> pullEvents() {
        List<Recorded> pulled = List.copyOf(events);
        events.clear();
        return pulled;
    }

    private void record(String type, Object data) {
        events.add(new Recorded(type, data));
    }

    private Requirement requirement(String code) {
        return requirements
                .material(code)
                .orElseThrow(() -> new IllegalStateException("no requirement " + code + " in " + number));
    }

    private MaterialState state(String code) {
        return states.stream().filter(s -> s.code().equals(code)).findFirst().orElse(null);
    }

    private static ProblemException conflict(String slug, String detail) {
        return new ProblemException(HttpStatus.CONFLICT, slug, "Not possible now", detail);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** Documents the application uses, for granting the departments of its cases. */
    Set<UUID> documentIds() {
        Set<UUID> ids = new LinkedHashSet<>();
        provisions.values().stream()
                .map(Provision::documentId)
                .filter(Objects::nonNull)
                .forEach(ids::add);
        return ids;
    }

    Set<String> departments() {
        Set<String> departments = new LinkedHashSet<>();
        cases.forEach(c -> departments.add(c.departmentCode()));
        return departments;
    }

    List<String> itemCodes() {
        return requirements.items().stream().map(PinnedItem::itemCode).toList();
    }

    boolean ownedBy(String subject) {
        return subject != null && subject.equals(applicant.subject());
    }

    ApplicationSnapshot snapshot() {
        return new ApplicationSnapshot(
                number,
                region,
                channel,
                bundleCode,
                bundleName,
                requirements,
                applicant,
                filedBy,
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
                delivery,
                evaluation);
    }

    String number() {
        return number;
    }

    ApplicationStatus status() {
        return status;
    }

    ApplicantData applicant() {
        return applicant;
    }

    Channel channel() {
        return channel;
    }

    List<Notice> notices() {
        return List.copyOf(notices);
    }

    Optional<Acceptance> acceptance() {
        return Optional.ofNullable(acceptance);
    }

    List<Case> cases() {
        return List.copyOf(cases);
    }

    Optional<Records.Evaluation> evaluation() {
        return Optional.ofNullable(evaluation);
    }

    Collection<Provision> provisions() {
        return provisions.values();
    }

    /**
     * The aggregate's state as stored (JSON) and shown.
     *
     * @param states the last completeness check's findings per material
     */
    record ApplicationSnapshot(
            String number,
            String region,
            Channel channel,
            String bundleCode,
            Name bundleName,
            Requirements requirements,
            ApplicantData applicant,
            Actor filedBy,
            Map<String, Object> form,
            Instant submittedAt,
            ApplicationStatus status,
            Map<String, Provision> provisions,
            List<MaterialState> states,
            List<Notice> notices,
            Acceptance acceptance,
            List<Case> cases,
            Records.Refusal refusal,
            Records.Withdrawal withdrawal,
            List<Records.Visit> visits,
            Instant completedAt,
            Records.Delivery delivery,
            Records.Evaluation evaluation) {}
}
