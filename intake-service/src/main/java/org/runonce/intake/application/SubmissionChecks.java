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
import org.runonce.intake.IntakeProperties;
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
import org.runonce.starter.domain.Refusal;
import org.runonce.starter.security.Caller;
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
     * @param region the region it is filed in
     * @param bundle the bundle applied for, or null for one item
     * @param requirements what its items need, from the versions in force today
     * @param provisions the materials handed in
     * @param form the form given, its names normalised (never null)
     */
    record Admitted(
            Channel channel,
            ApplicantData applicant,
            String region,
            BundleGuide bundle,
            Requirements requirements,
            Map<String, Provision> provisions,
            Map<String, Object> form) {}

    private final Validator validator;
    private final CatalogCopy catalog;
    private final ProvisionResolver resolver;
    private final IntakeProperties properties;

    SubmissionChecks(
            Validator validator, CatalogCopy catalog, ProvisionResolver resolver, IntakeProperties properties) {
        this.validator = validator;
        this.catalog = catalog;
        this.resolver = resolver;
        this.properties = properties;
    }

    Admitted check(Requests.SubmitApplication request, Caller caller, Instant now, LocalDate today) {
        List<FieldError> errors = new ArrayList<>(violations(validator, request));
        Channel channel = channel(request.channel(), caller);
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
        ProvisionResolver.Resolved resolved =
                resolver.resolve(request.materials(), requirements, applicant, caller.subject(), now);
        errors.addAll(resolved.errors());
        if (!errors.isEmpty()) {
            throw invalid(errors, resolved.forgedCertificate());
        }
        return new Admitted(
                channel,
                applicant,
                region,
                selection.bundle(),
                requirements,
                resolved.provisions(),
                given == null ? Map.of() : given);
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

    private static ApplicantData applicant(
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
        LegalName.Checked name = LegalName.check(input.name(), LegalName.Kind.of(input.type()));
        if (!name.accepted()) {
            errors.add(new FieldError("applicant.name", name.problem(), "/applicant/name", LegalName.CODE));
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
                name.accepted() ? name.value() : input.name(),
                input.type(),
                idNumber,
                input.locale() == null ? "zh-CN" : input.locale(),
                input.email(),
                input.phone());
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
