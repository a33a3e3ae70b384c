package org.runonce.intake.application;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.runonce.contracts.catalog.Name;
import org.runonce.contracts.intake.ApplicationAccepted;
import org.runonce.contracts.intake.ApplicationMaterialsSupplied;
import org.runonce.intake.IntakeProperties;
import org.runonce.intake.catalog.BundleGuide;
import org.runonce.intake.catalog.CatalogCopy;
import org.runonce.intake.catalog.Department;
import org.runonce.intake.catalog.ItemGuide;
import org.runonce.intake.document.Documents;
import org.runonce.starter.events.Events;
import org.runonce.starter.security.Caller;
import org.runonce.starter.web.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the application API does: each operation validates everything it can before opening a transaction (every
 * invalid field at once), then loads, changes and saves one application and records its events in one transaction.
 * The submit path reads the catalog from the local copy (in memory) and calls no other service.
 */
@Service
public class ApplicationService {

    static final String APPLICANT = "applicant";
    static final String WINDOW_CLERK = "window-clerk";
    static final String SUPERVISOR = "supervisor";

    private static final Logger log = LoggerFactory.getLogger(ApplicationService.class);

    private final Applications applications;
    private final IdempotencyKeys keys;
    private final CatalogCopy catalog;
    private final Documents documents;
    private final ProvisionResolver resolver;
    private final FormRules forms;
    private final Validator validator;
    private final Events events;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final IntakeProperties properties;
    private final JsonMapper json;
    private final JsonMapper canonical;

    ApplicationService(
            Applications applications,
            IdempotencyKeys keys,
            CatalogCopy catalog,
            Documents documents,
            ProvisionResolver resolver,
            FormRules forms,
            Validator validator,
            Events events,
            TransactionTemplate transactions,
            Clock clock,
            IntakeProperties properties,
            JsonMapper json) {
        this.applications = applications;
        this.keys = keys;
        this.catalog = catalog;
        this.documents = documents;
        this.resolver = resolver;
        this.forms = forms;
        this.validator = validator;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
        this.properties = properties;
        this.json = json;
        this.canonical = json.rebuild()
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
                .build();
    }

    /**
     * The answer of an idempotent operation, exactly as first sent.
     *
     * @param status HTTP status
     * @param body JSON
     * @param location Location header or null
     * @param replayed whether it is the stored answer to an earlier identical request
     */
    record Response(int status, String body, String location, boolean replayed) {}

    // ---- submission -------------------------------------------------------------------------------------------

    Response submit(Requests.SubmitApplication request, Caller caller, String idempotencyKey) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, properties.zone());
        List<FieldError> errors = new ArrayList<>(violations(request, ""));
        Channel channel = channel(request.channel(), caller, errors);
        if (!errors.isEmpty()) {
            throw invalid(errors, false);
        }
        ApplicantData applicant = applicant(request.applicant(), channel, caller, errors);
        String region = request.region() == null ? properties.region() : request.region();
        Selection selection = select(request.itemCode(), request.bundleCode(), today);
        Requirements requirements = Requirements.of(
                selection.bundle(),
                selection.guides(),
                code -> catalog.itemInForce(code, today).flatMap(ItemGuide::certificateType));
        List<String> itemCodes =
                requirements.items().stream().map(PinnedItem::itemCode).toList();
        errors.addAll(forms.validate(itemCodes, request.form(), today));
        if (!forms.applicantTypes(itemCodes).contains(request.applicant().type())) {
            errors.add(new FieldError(
                    "applicant.type", "may not apply for these items; allowed: " + forms.applicantTypes(itemCodes)));
        }
        ProvisionResolver.Resolved resolved =
                resolver.resolve(request.materials(), requirements, applicant, caller.subject(), now);
        errors.addAll(resolved.errors());
        if (!errors.isEmpty()) {
            throw invalid(errors, resolved.forgedCertificate());
        }
        String hash = hash("submit", request);
        return transactions.execute(tx -> {
            if (idempotencyKey != null) {
                Optional<IdempotencyKeys.Stored> stored =
                        keys.claim(caller.subject(), idempotencyKey, "submit", hash, now);
                if (stored.isPresent()) {
                    return replay(stored.get());
                }
            }
            String number = applications.nextNumber(region, today.getYear());
            Application application = Application.submit(
                    number,
                    region,
                    channel,
                    applicant,
                    channel == Channel.WINDOW ? Actor.of(caller) : null,
                    selection.bundle() == null ? null : selection.bundle().code(),
                    selection.bundle() == null ? null : selection.bundle().name(),
                    requirements,
                    request.form() == null ? Map.of() : request.form(),
                    resolved.provisions(),
                    request.pledgeDate(),
                    terms(region, channel == Channel.WINDOW ? Actor.of(caller) : Actor.SYSTEM, now, today));
            save(application, now);
            Response response =
                    new Response(201, json.writeValueAsString(view(application)), ApplicationView.path(number), false);
            if (idempotencyKey != null) {
                keys.complete(
                        caller.subject(),
                        idempotencyKey,
                        new IdempotencyKeys.Stored(response.status(), response.body(), response.location()));
            }
            return response;
        });
    }

    /** The items applied for and their versions in force today, in bundle order. */
    private Selection select(String itemCode, String bundleCode, LocalDate today) {
        if ((itemCode == null) == (bundleCode == null)) {
            throw invalid(List.of(new FieldError("itemCode", "give exactly one of itemCode and bundleCode")), false);
        }
        if (itemCode != null) {
            ItemGuide guide = catalog.itemInForce(itemCode, today)
                    .orElseThrow(() -> notAvailable("Item " + itemCode + " has no service guide in force."));
            return new Selection(null, List.of(guide));
        }
        BundleGuide bundle = catalog.bundle(bundleCode)
                .orElseThrow(() -> notAvailable("Bundle " + bundleCode + " is not in the catalog."));
        List<ItemGuide> guides = new ArrayList<>();
        List<String> unavailable = new ArrayList<>();
        for (String code : bundle.itemCodes()) {
            catalog.itemInForce(code, today).ifPresentOrElse(guides::add, () -> unavailable.add(code));
        }
        if (!unavailable.isEmpty()) {
            throw notAvailable("Items of bundle " + bundleCode + " have no service guide in force: " + unavailable)
                    .with("items", unavailable);
        }
        return new Selection(bundle, guides);
    }

    private record Selection(BundleGuide bundle, List<ItemGuide> guides) {}

    private static ProblemException notAvailable(String detail) {
        return new ProblemException(
                HttpStatus.UNPROCESSABLE_CONTENT, "item-not-available", "Not available for application", detail);
    }

    private Channel channel(String requested, Caller caller, List<FieldError> errors) {
        Channel channel = requested != null
                ? Channel.valueOf(requested)
                : caller.hasRole(WINDOW_CLERK) ? Channel.WINDOW : Channel.ONLINE;
        if (channel == Channel.WINDOW && !caller.hasRole(WINDOW_CLERK)) {
            throw new ProblemException(
                    HttpStatus.FORBIDDEN, "forbidden", "Forbidden", "Only window clerks file WINDOW applications.");
        }
        if (channel == Channel.ONLINE && !caller.hasRole(APPLICANT)) {
            throw new ProblemException(
                    HttpStatus.FORBIDDEN, "forbidden", "Forbidden", "ONLINE applications are the applicant's own.");
        }
        return channel;
    }

    private ApplicantData applicant(
            Requests.ApplicantInput input, Channel channel, Caller caller, List<FieldError> errors) {
        String idNumber = input.idNumber().strip().toUpperCase(Locale.ROOT);
        boolean valid = "NATURAL_PERSON".equals(input.type())
                ? IdentityNumbers.isResidentId(idNumber)
                : IdentityNumbers.isCreditCode(idNumber);
        if (!valid) {
            errors.add(new FieldError(
                    "applicant.idNumber",
                    "NATURAL_PERSON".equals(input.type())
                            ? "is not a valid resident identity number"
                            : "is not a valid unified social credit code"));
        }
        String subject = input.subject();
        if (channel == Channel.ONLINE) {
            if (subject != null && !subject.equals(caller.subject())) {
                errors.add(new FieldError("applicant.subject", "online applicants apply for themselves"));
            }
            subject = caller.subject();
        }
        return new ApplicantData(
                subject,
                input.name().strip(),
                input.type(),
                idNumber,
                input.locale() == null ? "zh-CN" : input.locale(),
                input.email(),
                input.phone());
    }

    // ---- changes to an existing application ---------------------------------------------------------------------

    Response supplement(String number, Requests.Supplement request, Caller caller, String idempotencyKey) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, properties.zone());
        List<FieldError> errors = new ArrayList<>(violations(request, ""));
        if (!errors.isEmpty()) {
            throw invalid(errors, false);
        }
        Application current = readable(number, caller);
        requireActor(current, caller);
        ProvisionResolver.Resolved resolved = resolver.resolve(
                request.materials(), current.snapshot().requirements(), current.applicant(), caller.subject(), now);
        if (!resolved.errors().isEmpty()) {
            throw invalid(resolved.errors(), resolved.forgedCertificate());
        }
        String operation = "supplement:" + number;
        String hash = hash(operation, request);
        return transactions.execute(tx -> {
            if (idempotencyKey != null) {
                Optional<IdempotencyKeys.Stored> stored =
                        keys.claim(caller.subject(), idempotencyKey, operation, hash, now);
                if (stored.isPresent()) {
                    return replay(stored.get());
                }
            }
            Application application = load(number);
            atWindow(application, caller, "SUPPLEMENT", now, today);
            application.supplement(resolved.provisions(), terms(application, caller, now, today));
            save(application, now);
            Response response = new Response(200, json.writeValueAsString(view(application)), null, false);
            if (idempotencyKey != null) {
                keys.complete(caller.subject(), idempotencyKey, new IdempotencyKeys.Stored(200, response.body(), null));
            }
            return response;
        });
    }

    ApplicationView pledge(String number, LocalDate pledgeDate, Caller caller) {
        return change(number, caller, true, (application, terms) -> {
            atWindow(application, caller, "PLEDGE", terms.now(), terms.today());
            application.pledge(pledgeDate, terms);
        });
    }

    ApplicationView accept(String number, Caller caller) {
        return change(number, caller, true, (application, terms) -> application.acceptAtWindow(terms));
    }

    ApplicationView refuse(String number, Requests.Refusal refusal, Caller caller) {
        return change(
                number,
                caller,
                true,
                (application, terms) -> application.refuse(refusal.reason(), refusal.legalBasis(), terms));
    }

    ApplicationView withdraw(String number, String reason, Caller caller) {
        return change(number, caller, true, (application, terms) -> {
            atWindow(application, caller, "WITHDRAWAL", terms.now(), terms.today());
            application.withdraw(reason, terms);
        });
    }

    ApplicationView recordVisit(String number, String purpose, Caller caller) {
        return change(number, caller, true, (application, terms) -> application.recordVisit(purpose, terms));
    }

    ApplicationView deliver(String number, Requests.Delivery delivery, Caller caller) {
        return change(
                number,
                caller,
                true,
                (application, terms) ->
                        application.deliver(delivery.method(), delivery.trackingNumber(), delivery.address(), terms));
    }

    ApplicationView evaluate(String number, Requests.Evaluation evaluation, Caller caller) {
        return change(number, caller, false, (application, terms) -> {
            if (!application.ownedBy(caller.subject())) {
                throw forbidden("Only the applicant rates the service.");
            }
            LocalDate due = terms.calendar()
                    .plusWorkingDays(terms.today(), properties.evaluation().followUpWorkingDays());
            application.evaluate(evaluation.rating(), evaluation.comment(), due, terms);
        });
    }

    ApplicationView resolveFollowUp(String number, String note, Caller caller) {
        return change(number, caller, false, (application, terms) -> application.resolveFollowUp(note, terms));
    }

    /** Load for update, check access, change, save with events, answer the view: one transaction. */
    private ApplicationView change(String number, Caller caller, boolean actorRequired, ChangeAction action) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, properties.zone());
        return transactions.execute(tx -> {
            Application application = applications
                    .findForUpdate(number)
                    .filter(a -> mayRead(a, caller))
                    .orElseThrow(() -> notFound(number));
            if (actorRequired) {
                requireActor(application, caller);
            }
            action.apply(application, terms(application, caller, now, today));
            save(application, now);
            return view(application);
        });
    }

    @FunctionalInterface
    private interface ChangeAction {
        void apply(Application application, Application.Terms terms);
    }

    /** A clerk acting for an applicant means the applicant is at the window: an in-person contact. */
    private void atWindow(Application application, Caller caller, String purpose, Instant now, LocalDate today) {
        if (caller.hasRole(WINDOW_CLERK) && !application.ownedBy(caller.subject())) {
            application.recordVisit(purpose, new Application.Terms(false, null, 0, today, now, Actor.of(caller)));
        }
    }

    // ---- progress from the departments ------------------------------------------------------------------------

    /**
     * A case moved on in its department (from approval's events): updates the application's progress view and
     * completes the application when every case is decided. Idempotent: a final case status is never left and an
     * older update than the case's last one is ignored.
     *
     * @return whether the application changed
     */
    public boolean caseProgressed(CaseProgress progress) {
        String number = applicationNumberOf(progress.caseNumber());
        Instant now = clock.instant();
        Boolean changed = transactions.execute(tx -> {
            Optional<Application> found = applications.findForUpdate(number);
            if (found.isEmpty()) {
                log.warn("Progress of case {} for unknown application {}", progress.caseNumber(), number);
                return false;
            }
            Application application = found.get();
            if (!application.caseProgressed(
                    progress.caseNumber(),
                    progress.status(),
                    progress.certificateNumber(),
                    progress.at() == null ? now : progress.at())) {
                return false;
            }
            save(application, now);
            return true;
        });
        return Boolean.TRUE.equals(changed);
    }

    /** {@code 330000-2026-000123-02} -> {@code 330000-2026-000123}. */
    static String applicationNumberOf(String caseNumber) {
        int dash = caseNumber.lastIndexOf('-');
        if (dash < 0) {
            throw new IllegalArgumentException("not a case number: " + caseNumber);
        }
        return caseNumber.substring(0, dash);
    }

    /** Marks every application whose pledge date passed with materials still missing; returns how many. */
    int markOverduePledges() {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, properties.zone());
        int marked = 0;
        for (String number : applications.pastPledgeDate(today, 500)) {
            Boolean done = transactions.execute(tx -> {
                Application application = load(number);
                boolean overdue = application.markPledgeOverdue(terms(application, null, now, today));
                if (overdue) {
                    save(application, now);
                }
                return overdue;
            });
            if (Boolean.TRUE.equals(done)) {
                marked++;
            }
        }
        return marked;
    }

    int forgetIdempotencyKeys() {
        return transactions.execute(tx -> keys.forgetOlderThan(clock.instant().minus(java.time.Duration.ofDays(1))));
    }

    // ---- reads ----------------------------------------------------------------------------------------------------

    ApplicationView get(String number, Caller caller) {
        return view(readable(number, caller));
    }

    List<ApplicationView> list(Caller caller, ApplicationStatus status, int limit) {
        List<Application> found;
        if (caller.hasRole(WINDOW_CLERK) || caller.hasRole(SUPERVISOR)) {
            found = status == null ? applications.recent(limit) : applications.withStatus(status, limit);
        } else {
            found = applications.ofApplicant(caller.subject(), limit).stream()
                    .filter(a -> status == null || a.status() == status)
                    .toList();
        }
        return found.stream().map(this::view).toList();
    }

    String noticeDocument(String number, String noticeNumber, Caller caller) {
        Application application = readable(number, caller);
        Notice notice = application.notices().stream()
                .filter(n -> n.number().equals(noticeNumber))
                .findFirst()
                .orElseThrow(() -> new ProblemException(
                        HttpStatus.NOT_FOUND, "not-found", "Not found", "Notice " + noticeNumber + " not found."));
        return Papers.notice(application, notice, properties.zone());
    }

    String receipt(String number, Caller caller) {
        Application application = readable(number, caller);
        if (application.acceptance().isEmpty()) {
            throw new ProblemException(
                    HttpStatus.NOT_FOUND,
                    "not-found",
                    "Not found",
                    "Application " + number + " is " + application.status() + ": no receipt.");
        }
        return Papers.receipt(application, this::departmentName, properties.zone());
    }

    List<ApplicationView> openFollowUps() {
        return applications.openFollowUps(500).stream().map(this::view).toList();
    }

    List<ApplicationView> multipleVisits() {
        return applications.withMultipleVisits(500).stream().map(this::view).toList();
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    private Application readable(String number, Caller caller) {
        return applications.find(number).filter(a -> mayRead(a, caller)).orElseThrow(() -> notFound(number));
    }

    private Application load(String number) {
        return applications.findForUpdate(number).orElseThrow(() -> notFound(number));
    }

    /** The applicant, window clerks and supervisors see an application; anyone else learns nothing of it. */
    static boolean mayRead(Application application, Caller caller) {
        return application.ownedBy(caller.subject()) || caller.hasRole(WINDOW_CLERK) || caller.hasRole(SUPERVISOR);
    }

    private static void requireActor(Application application, Caller caller) {
        if (!application.ownedBy(caller.subject()) && !caller.hasRole(WINDOW_CLERK)) {
            throw forbidden("Only the applicant or a window clerk may do this.");
        }
    }

    private void save(Application application, Instant now) {
        List<Application.Recorded> recorded = application.pullEvents();
        applications.save(application, now);
        if (recorded.stream()
                .anyMatch(e -> e.type().equals(ApplicationAccepted.TYPE)
                        || e.type().equals(ApplicationMaterialsSupplied.TYPE))) {
            documents.grant(application.documentIds(), application.departments());
        }
        for (Application.Recorded event : recorded) {
            events.publish(event.type(), application.number(), event.data());
        }
    }

    private Application.Terms terms(String region, Actor actor, Instant now, LocalDate today) {
        return new Application.Terms(
                properties.acceptance().automatic(),
                catalog.calendar(region),
                properties.pledge().maxWorkingDays(),
                today,
                now,
                actor);
    }

    private Application.Terms terms(Application application, Caller caller, Instant now, LocalDate today) {
        return terms(application.snapshot().region(), caller == null ? Actor.SYSTEM : Actor.of(caller), now, today);
    }

    ApplicationView view(Application application) {
        return ApplicationView.of(application, this::departmentName);
    }

    private Name departmentName(String code) {
        return catalog.department(code).map(Department::name).orElse(null);
    }

    private Response replay(IdempotencyKeys.Stored stored) {
        return new Response(stored.status(), stored.body(), stored.location(), true);
    }

    private String hash(String operation, Object request) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(operation.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            digest.update((byte) '\n');
            return HexFormat.of().formatHex(digest.digest(canonical.writeValueAsBytes(request)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    private List<FieldError> violations(Object request, String prefix) {
        List<FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<Object> violation : validator.validate(request)) {
            errors.add(new FieldError(prefix + violation.getPropertyPath().toString(), violation.getMessage()));
        }
        return errors;
    }

    private static ProblemException invalid(List<FieldError> errors, boolean forgedCertificate) {
        if (forgedCertificate) {
            return FieldError.problem(
                    HttpStatus.UNPROCESSABLE_CONTENT,
                    "certificate-invalid",
                    "Certificate refused",
                    "An e-certificate given as a material is not genuine; nothing was recorded.",
                    errors);
        }
        return FieldError.problem(
                HttpStatus.BAD_REQUEST,
                "validation-failed",
                "Validation failed",
                errors.size() == 1 ? "1 field is invalid." : errors.size() + " fields are invalid.",
                errors);
    }

    static ProblemException notFound(String number) {
        return new ProblemException(
                HttpStatus.NOT_FOUND, "not-found", "Not found", "Application " + number + " not found.");
    }

    private static ProblemException forbidden(String detail) {
        return new ProblemException(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", detail);
    }
}
