package org.runonce.intake.application;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.runonce.intake.IntakeProperties;
import org.runonce.intake.agency.Agency;
import org.runonce.intake.agency.AgencyAuthorization;
import org.runonce.intake.catalog.BundleGuide;
import org.runonce.intake.catalog.CatalogCopy;
import org.runonce.intake.catalog.ItemGuide;
import org.runonce.intake.completeness.ApplicantData;
import org.runonce.intake.completeness.FieldError;
import org.runonce.intake.completeness.FormSchemas;
import org.runonce.intake.completeness.IdentityNumbers;
import org.runonce.intake.completeness.LegalName;
import org.runonce.intake.completeness.Provision;
import org.runonce.intake.completeness.Requirements;
import org.runonce.intake.hall.Matter;
import org.runonce.intake.hall.ServicePoint;
import org.runonce.intake.hall.Windows;
import org.runonce.starter.domain.Refusal;
import org.runonce.starter.security.Caller;
import org.runonce.starter.security.VerifiedIdentity;
import org.springframework.stereotype.Component;

/**
 * Everything a submission is checked for before a transaction opens, every invalid field at once: the request's
 * constraints, who may file on which channel, the applicant's identity number, the items or bundle in force today
 * (from the local catalog copy: no call to another service), the form against the forms of the item versions it will be pinned to, and the materials.
 */
@Component
class SubmissionChecks {

    /**
     * A submission that passed the checks.
     *
     * @param channel online or at a window
     * @param applicant who applies, normalized
     * @param identityCheck how the applicant's identity was established
     * @param region the region handling it, whose departments decide and whose calendar applies: the accepting
     *     region, or the home region of its items' departments when the accepting region's cross-region list
     *     (通办清单) accepts them for it
     * @param acceptingRegion the region of the window or service point that accepts it (its number's region)
     * @param bundle the bundle applied for, or null for one item
     * @param requirements what its items need, from the versions in force today
     * @param provisions the materials handed in
     * @param form the form given, its names normalised (never null)
     * @param mandate filed by an agent: the authorization and its principal; else null
     * @param ticket the queue ticket the clerk serves, whose trip the filing is part of; else null
     */
    record Admitted(
            Channel channel,
            ApplicantData applicant,
            Records.IdentityCheck identityCheck,
            String region,
            String acceptingRegion,
            BundleGuide bundle,
            Requirements requirements,
            Map<String, Provision> provisions,
            Map<String, Object> form,
            Agency.Mandate mandate,
            Windows.TicketAtWindow ticket) {}

    private final Validator validator;
    private final CatalogCopy catalog;
    private final ProvisionResolver resolver;
    private final IntakeProperties properties;
    private final Agency agency;
    private final Windows windows;

    SubmissionChecks(
            Validator validator,
            CatalogCopy catalog,
            ProvisionResolver resolver,
            IntakeProperties properties,
            Agency agency,
            Windows windows) {
        this.validator = validator;
        this.catalog = catalog;
        this.resolver = resolver;
        this.properties = properties;
        this.agency = agency;
        this.windows = windows;
    }

    Admitted check(Requests.SubmitApplication request, Caller caller, Instant now, LocalDate today) {
        List<FieldError> errors = new ArrayList<>(violations(validator, request));
        boolean byAgent = request.agencyAuthorization() != null;
        Channel channel = byAgent ? agentsChannel(request.channel(), errors) : channel(request.channel(), caller);
        if (!errors.isEmpty()) {
            throw invalid(errors, false);
        }
        // an agent (帮办代办) files for the principal of an authorization in force that covers what is applied for
        Agency.Mandate mandate =
                byAgent ? agency.mandate(request.agencyAuthorization(), caller, target(request)) : null;
        Windows.TicketAtWindow ticket = ticket(request, channel);
        Identified identified = identified(request, channel, mandate, caller, now, errors);
        ApplicantData applicant = holderOf(ticket, identified.applicant());
        // a clerk of a service point accepts in the point's region; online, and a clerk of no point, as the body says
        ServicePoint point = channel == Channel.WINDOW ? windows.pointOfCaller().orElse(null) : null;
        String accepting = accepting(request, point);
        Selection selection = select(request.itemCode(), request.bundleCode(), today);
        String region = handlingRegion(accepting, selection, point);
        Requirements requirements = Requirements.of(
                selection.bundle(),
                selection.guides(),
                code -> catalog.itemInForce(code, today).flatMap(ItemGuide::certificateType));
        // the forms of exactly the versions the application is pinned to, from the local copy
        Map<String, Map<String, Object>> pinnedForms = new LinkedHashMap<>();
        selection.guides().forEach(guide -> pinnedForms.put(guide.itemCode(), guide.form()));
        Map<String, Object> form = FormSchemas.formOf(pinnedForms);
        errors.addAll(FormSchemas.validate(form, request.form(), today));
        Map<String, Object> given = FormSchemas.names(
                form, request.form(), LegalName.Kind.of(request.applicant().type()), errors);
        Set<String> applicantTypes = FormSchemas.applicantTypes(form);
        if (!applicantTypes.contains(request.applicant().type())) {
            errors.add(new FieldError(
                    "applicant.type",
                    "may not apply for these items; allowed: " + applicantTypes,
                    "/applicant/type",
                    "APPLICANT_TYPE_NOT_ALLOWED"));
        }
        if (applicant == null) { // what identifies the applicant is invalid (listed): resolve for the caller alone
            applicant = new ApplicantData(
                    caller.subject(), null, request.applicant().type(), null, "zh-CN", null, null);
        }
        // 告知承诺制: the commitment signed for the items marked for it replaces the materials they list
        Commitments.Signed signed = Commitments.sign(
                request.commitment(),
                selection.guides(),
                applicant,
                channel == Channel.WINDOW || mandate != null ? caller.username() : null,
                now,
                errors);
        ProvisionResolver.Resolved resolved =
                resolver.resolve(request.materials(), requirements, applicant, caller.subject(), now);
        errors.addAll(resolved.errors());
        if (!errors.isEmpty()) {
            throw invalid(errors, resolved.forgedCertificate());
        }
        requirements = signed.applyTo(requirements);
        return new Admitted(
                channel,
                applicant,
                identified.check(),
                region,
                accepting,
                selection.bundle(),
                requirements,
                resolved.provisions(),
                given == null ? Map.of() : given,
                mandate,
                ticket);
    }

    /** The queue ticket a clerk names: only at a window, called to it (or served) today at the clerk's point. */
    private Windows.TicketAtWindow ticket(Requests.SubmitApplication request, Channel channel) {
        if (request.ticket() == null) {
            return null;
        }
        if (channel != Channel.WINDOW) {
            throw invalid(
                    List.of(new FieldError(
                            "ticket",
                            "only a window clerk names the queue ticket they serve",
                            "/ticket",
                            "WINDOW_ONLY")),
                    false);
        }
        return windows.atWindow(UUID.fromString(request.ticket()));
    }

    /**
     * The applicant's account is the ticket holder's when the clerk named none; a ticket held by another account than
     * the one named is refused (422 {@code ticket-of-another-applicant}).
     */
    private static ApplicantData holderOf(Windows.TicketAtWindow ticket, ApplicantData applicant) {
        if (ticket == null || ticket.applicantSubject() == null || applicant == null) {
            return applicant;
        }
        if (applicant.subject() == null) {
            return new ApplicantData(
                    ticket.applicantSubject(),
                    applicant.name(),
                    applicant.type(),
                    applicant.idNumber(),
                    applicant.locale(),
                    applicant.email(),
                    applicant.phone());
        }
        if (!applicant.subject().equals(ticket.applicantSubject())) {
            throw Refusal.unprocessable(
                            "ticket-of-another-applicant",
                            "Ticket of another applicant",
                            "ticket " + ticket.number() + " is held by another account than the applicant's named"
                                    + " here. Nothing was stored.")
                    .with("ticket", ticket.id());
        }
        return applicant;
    }

    /**
     * The accepting region: a clerk's service point's (a body naming another is refused, 403
     * {@code region-not-service-point}); else the body's, or the setting.
     */
    private String accepting(Requests.SubmitApplication request, ServicePoint point) {
        if (point == null) {
            return request.region() == null ? properties.region() : request.region();
        }
        if (request.region() != null && !request.region().equals(point.region())) {
            throw Refusal.forbidden(
                            "region-not-service-point",
                            "Not the region of your service point",
                            "you accept at " + point.code() + " in region " + point.region() + ", not in "
                                    + request.region() + "; leave region out. Nothing was stored.")
                    .with("servicePoint", point.code())
                    .with("acceptingRegion", point.region())
                    .with("region", request.region());
        }
        return point.region();
    }

    /** An agent files ONLINE: the principal makes no trip, so no visit is recorded for them. */
    private static Channel agentsChannel(String requested, List<FieldError> errors) {
        if (Channel.WINDOW.name().equals(requested)) {
            errors.add(new FieldError(
                    "channel",
                    "an agent files ONLINE for the principal of the authorization (the principal makes no visit)"));
        }
        return Channel.ONLINE;
    }

    /** What an agent's submission applies for, as an authorization's scope sees it. */
    private AgencyAuthorization.Target target(Requests.SubmitApplication request) {
        List<String> items = request.bundleCode() != null
                ? catalog.bundle(request.bundleCode())
                        .map(BundleGuide::itemCodes)
                        .orElse(List.of())
                : request.itemCode() == null ? List.of() : List.of(request.itemCode());
        return new AgencyAuthorization.Target(null, request.bundleCode(), items);
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

    /**
     * Where the application is handled (就近办、异地办、跨区域通办): in the accepting region when its items' departments
     * are there (or the copy does not know their region); else in the one home region of those departments, if the
     * accepting region's cross-region list (通办清单) accepts every item for it, or (at a clerk's service point) when
     * the department's region encloses the point's and the point's window categories take what is applied for. The
     * cases then route to that region's departments and the promised date is counted on its calendar.
     */
    private String handlingRegion(String accepting, Selection selection, ServicePoint point) {
        Set<String> homes = new TreeSet<>();
        for (ItemGuide guide : selection.guides()) {
            homes.add(catalog.regionOf(guide.departmentCode()).orElse(accepting));
        }
        if (homes.size() > 1) {
            throw Refusal.unprocessable(
                            "several-handling-regions",
                            "Items of several regions",
                            "The items are handled by departments of several regions " + homes + "; apply for"
                                    + " each region's items separately. Nothing was stored.")
                    .with("regions", homes);
        }
        String home = homes.iterator().next();
        if (home.equals(accepting)) {
            return accepting;
        }
        if (point != null && encloses(home, accepting) && takenAt(point, selection)) {
            return home; // a department of the point's county, city or province, whose item the point takes
        }
        List<String> notAccepted = selection.guides().stream()
                .map(ItemGuide::itemCode)
                .filter(code -> !catalog.acceptsFor(accepting, code, home))
                .toList();
        if (!notAccepted.isEmpty()) {
            throw Refusal.unprocessable(
                            "not-accepted-for-region",
                            "Not accepted here for that region",
                            "Region " + accepting + " does not accept " + notAccepted
                                    + " for the departments of region "
                                    + home + " (not on its cross-region list, 通办清单): apply in region " + home
                                    + " or online there. Nothing was stored.")
                    .with("acceptingRegion", accepting)
                    .with("handlingRegion", home)
                    .with("items", notAccepted);
        }
        return home;
    }

    /** Whether {@code outer} is {@code inner} or a region above it: 330000 and 330106 enclose 330106013. */
    private static boolean encloses(String outer, String inner) {
        return inner.startsWith(outer.replaceFirst("(00)+$", ""));
    }

    /** Whether the point's window categories take what is applied for, as they do for appointments. */
    private static boolean takenAt(ServicePoint point, Selection selection) {
        return selection.bundle() != null
                ? point.takes(new Matter(null, selection.bundle().code()))
                : selection.guides().stream().allMatch(g -> point.takes(new Matter(g.itemCode(), null)));
    }

    private static Refusal notAvailable(String detail) {
        return Refusal.unprocessable("item-not-available", "Not available for application", detail);
    }

    private static Channel channel(String requested, Caller caller) {
        Channel channel = requested != null
                ? Channel.valueOf(requested)
                : caller.hasRole(ApplicationAccess.WINDOW_CLERK) ? Channel.WINDOW : Channel.ONLINE;
        if (channel == Channel.WINDOW && !caller.hasRole(ApplicationAccess.WINDOW_CLERK)) {
            throw ApplicationAccess.forbidden("Only window clerks file WINDOW applications.");
        }
        if (channel == Channel.ONLINE && !caller.hasRole(ApplicationAccess.APPLICANT)) {
            throw ApplicationAccess.forbidden("ONLINE applications are the applicant's own.");
        }
        return channel;
    }

    /** The applicant and how their identity was established. */
    private record Identified(ApplicantData applicant, Records.IdentityCheck check) {}

    /**
     * Online the applicant is the account's verified identity (实名认证, from the token): the body may repeat it but
     * names nobody else, and a legal entity only if the token lists it among those the account acts for. At a window
     * the clerk names the person whose identity they checked, and says how.
     */
    private static Identified identified(
            Requests.SubmitApplication request,
            Channel channel,
            Agency.Mandate mandate,
            Caller caller,
            Instant now,
            List<FieldError> errors) {
        Requests.ApplicantInput input = request.applicant();
        boolean person = "NATURAL_PERSON".equals(input.type());
        LegalName.Kind kind = LegalName.Kind.of(input.type());
        String givenNumber =
                input.idNumber() == null ? null : input.idNumber().strip().toUpperCase(Locale.ROOT);
        if (givenNumber != null && !validNumber(givenNumber, person)) {
            errors.add(new FieldError(
                    "applicant.idNumber",
                    person ? "is not a valid resident identity number" : "is not a valid unified social credit code"));
        }
        LegalName.Checked givenName = input.name() == null ? null : LegalName.check(input.name(), kind);
        if (givenName != null && !givenName.accepted()) {
            errors.add(new FieldError("applicant.name", givenName.problem(), "/applicant/name", LegalName.CODE));
        }
        if (mandate != null) {
            return forPrincipal(request, input, givenNumber, givenName, mandate, caller, now, errors);
        }
        if (channel == Channel.WINDOW) {
            return atWindow(request, input, givenNumber, givenName, caller, now, errors);
        }
        if (request.identityCheck() != null) {
            errors.add(new FieldError(
                    "identityCheck",
                    "only a window clerk records an identity check; online the account's verified identity applies"));
        }
        VerifiedIdentity identity = caller.identity().orElseThrow(SubmissionChecks::identityNotVerified);
        if (input.subject() != null && !input.subject().equals(caller.subject())) {
            throw notTheCaller("applicant.subject");
        }
        String idNumber;
        String name;
        String actingAs;
        if (person) {
            if (givenNumber != null && validNumber(givenNumber, true) && !givenNumber.equals(identity.idNumber())) {
                throw notTheCaller("applicant.idNumber");
            }
            idNumber = identity.idNumber();
            name = identity.name();
            actingAs = Records.IdentityCheck.SELF;
        } else {
            if (givenNumber == null) {
                errors.add(new FieldError(
                        "applicant.idNumber",
                        "give the unified social credit code of the entity you act for",
                        "/applicant/idNumber",
                        "REQUIRED"));
                return new Identified(null, null);
            }
            if (!validNumber(givenNumber, false)) {
                return new Identified(null, null);
            }
            VerifiedIdentity.Entity entity = identity.entity(givenNumber)
                    .orElseThrow(() -> Refusal.forbidden(
                                    "entity-not-authorized",
                                    "Not authorized for this entity",
                                    "Your account may not act for the legal entity " + givenNumber
                                            + ": it is not among the entities your verified identity is the legal"
                                            + " representative or an authorized agent of. Nothing was stored.")
                            .with("field", "applicant.idNumber"));
            idNumber = entity.creditCode();
            name = entity.name();
            actingAs = entity.role();
        }
        LegalName.Checked verifiedName = LegalName.check(name, kind);
        String applicantName = verifiedName.accepted() ? verifiedName.value() : name;
        if (givenName != null && givenName.accepted() && !givenName.value().equals(applicantName)) {
            throw notTheCaller("applicant.name");
        }
        return new Identified(
                new ApplicantData(
                        caller.subject(),
                        applicantName,
                        input.type(),
                        idNumber,
                        input.locale() == null ? "zh-CN" : input.locale(),
                        input.email(),
                        input.phone()),
                new Records.IdentityCheck(
                        Records.IdentityCheck.VERIFIED_ACCOUNT,
                        null,
                        null,
                        now,
                        actingAs,
                        person ? null : identity.name()));
    }

    /** A clerk files for the person whose identity they checked: name and number required, the check recorded. */
    private static Identified atWindow(
            Requests.SubmitApplication request,
            Requests.ApplicantInput input,
            String idNumber,
            LegalName.Checked name,
            Caller caller,
            Instant now,
            List<FieldError> errors) {
        if (name == null) {
            errors.add(new FieldError("applicant.name", "is required at a window", "/applicant/name", "REQUIRED"));
        }
        if (idNumber == null) {
            errors.add(
                    new FieldError("applicant.idNumber", "is required at a window", "/applicant/idNumber", "REQUIRED"));
        }
        Requests.IdentityCheckInput check = request.identityCheck();
        if (check == null) {
            errors.add(new FieldError(
                    "identityCheck",
                    "a window clerk records how they checked the applicant's identity (ID_CARD_READER, PASSPORT or"
                            + " IN_PERSON)",
                    "/identityCheck",
                    "REQUIRED"));
        }
        if (name == null || idNumber == null || check == null) {
            return new Identified(null, null);
        }
        return new Identified(
                new ApplicantData(
                        input.subject(),
                        name.accepted() ? name.value() : input.name(),
                        input.type(),
                        idNumber,
                        input.locale() == null ? "zh-CN" : input.locale(),
                        input.email(),
                        input.phone()),
                new Records.IdentityCheck(
                        check.method(),
                        caller.username(),
                        caller.subject(),
                        now,
                        check.actingAs() == null ? Records.IdentityCheck.SELF : check.actingAs(),
                        null));
    }

    /**
     * An agent files for the principal of the authorization, whose identity the principal's own verified token gave
     * when they authorized: the body may repeat it but names nobody else; the agent and the authorization are recorded
     * as the identity check.
     */
    private static Identified forPrincipal(
            Requests.SubmitApplication request,
            Requests.ApplicantInput input,
            String givenNumber,
            LegalName.Checked givenName,
            Agency.Mandate mandate,
            Caller caller,
            Instant now,
            List<FieldError> errors) {
        if (request.identityCheck() != null) {
            errors.add(new FieldError(
                    "identityCheck",
                    "an agent records no identity check: the applicant is the principal of the authorization"));
        }
        if (!mandate.principalType().equals(input.type())) {
            throw notThePrincipal("applicant.type");
        }
        if (input.subject() != null && !input.subject().equals(mandate.principalSubject())) {
            throw notThePrincipal("applicant.subject");
        }
        if (givenNumber != null && !givenNumber.equals(mandate.principalIdNumber())) {
            throw notThePrincipal("applicant.idNumber");
        }
        LegalName.Checked principalName = LegalName.check(mandate.principalName(), LegalName.Kind.of(input.type()));
        String name = principalName.accepted() ? principalName.value() : mandate.principalName();
        if (givenName != null && givenName.accepted() && !givenName.value().equals(name)) {
            throw notThePrincipal("applicant.name");
        }
        return new Identified(
                new ApplicantData(
                        mandate.principalSubject(),
                        name,
                        input.type(),
                        mandate.principalIdNumber(),
                        input.locale() == null ? "zh-CN" : input.locale(),
                        input.email(),
                        input.phone()),
                new Records.IdentityCheck(
                        Records.IdentityCheck.AGENCY_AUTHORIZATION,
                        caller.username(),
                        caller.subject(),
                        now,
                        Records.IdentityCheck.AGENT,
                        mandate.agentName(),
                        mandate.authorization().toString()));
    }

    private static Refusal notThePrincipal(String field) {
        return Refusal.forbidden(
                        "applicant-not-principal",
                        "Not the principal of the authorization",
                        "Filing as an agent, the applicant is the principal of the authorization, whose identity"
                                + " came from their own verified account: the application names someone else."
                                + " Nothing was stored.")
                .with("field", field);
    }

    private static boolean validNumber(String number, boolean person) {
        return person ? IdentityNumbers.isResidentId(number) : IdentityNumbers.isCreditCode(number);
    }

    private static Refusal identityNotVerified() {
        return Refusal.forbidden(
                "identity-not-verified",
                "Identity not verified",
                "Your account has no verified real-name identity (实名认证); verify it before applying online, or"
                        + " apply at a service hall window. Nothing was stored.");
    }

    private static Refusal notTheCaller(String field) {
        return Refusal.forbidden(
                        "applicant-not-caller",
                        "Not your own application",
                        "Online you apply in your own name: the application names someone other than your account's"
                                + " verified identity. Nothing was stored.")
                .with("field", field);
    }

    /** The request's bean-validation constraint violations, as invalid fields. */
    static List<FieldError> violations(Validator validator, Object request) {
        List<FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<Object> violation : validator.validate(request)) {
            errors.add(new FieldError(violation.getPropertyPath().toString(), violation.getMessage()));
        }
        return errors;
    }

    /** 400 listing every invalid field, or 422 when a certificate among the materials is forged. */
    static Refusal invalid(List<FieldError> errors, boolean forgedCertificate) {
        if (forgedCertificate) {
            return FieldError.refusal(
                    Refusal.unprocessable(
                            "certificate-invalid",
                            "Certificate refused",
                            "An e-certificate given as a material is not genuine; nothing was recorded."),
                    errors);
        }
        return FieldError.invalid(errors);
    }
}
