package org.runonce.intake.application;

import java.time.LocalDate;
import java.util.List;
import org.runonce.contracts.catalog.Name;
import org.runonce.intake.agency.Agency;
import org.runonce.intake.catalog.CatalogCopy;
import org.runonce.intake.catalog.Department;
import org.runonce.starter.domain.Refusal;
import org.runonce.starter.personaldata.PersonalDataInJson;
import org.runonce.starter.security.Caller;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who sees and acts on an application: the applicant, window clerks and supervisors see it, and an agent the applicant
 * authorized (帮办代办) while the authorization is in force and covers it; anyone else learns nothing of it (404). The
 * applicant, a window clerk or such an agent acts on it; each read or change by an agent is recorded under the
 * authorization. Also the reads and views the API answers.
 */
@Component
public class ApplicationAccess {

    static final String APPLICANT = "applicant";
    static final String WINDOW_CLERK = "window-clerk";
    static final String SUPERVISOR = "supervisor";

    private final Applications applications;
    private final CatalogCopy catalog;
    private final Agency agency;
    private final JsonMapper json;

    ApplicationAccess(Applications applications, CatalogCopy catalog, Agency agency, JsonMapper json) {
        this.applications = applications;
        this.catalog = catalog;
        this.agency = agency;
        this.json = json;
    }

    /** The application, if the caller may see it; else 404. An agent's read is recorded. */
    public Application readable(String number, Caller caller) {
        return applications
                .find(number)
                .filter(a -> mayRead(a, caller) || asAgent(a, caller, Agency.READ))
                .orElseThrow(() -> notFound(number));
    }

    /** The application locked for a change by the caller, if the caller may see it; else 404. An agent's is recorded. */
    Application forUpdate(String number, Caller caller) {
        return applications
                .findForUpdate(number)
                .filter(a -> mayRead(a, caller) || asAgent(a, caller, Agency.CHANGE))
                .orElseThrow(() -> notFound(number));
    }

    /**
     * Whether the caller is an agent of the applicant (帮办代办) by an authorization in force today that covers the
     * application; if so the act is recorded under it. Window clerks and supervisors read every application anyway.
     */
    private boolean asAgent(Application application, Caller caller, String act) {
        if (!caller.hasRole(APPLICANT)) {
            return false;
        }
        ApplicationSnapshot s = application.snapshot();
        return agency.admitting(
                        caller,
                        s.number(),
                        s.applicant().subject(),
                        s.applicant().type(),
                        s.applicant().idNumber(),
                        s.bundleCode(),
                        s.requirements().itemCodes())
                .map(authorization -> {
                    agency.record(authorization, s.number(), act, caller);
                    return true;
                })
                .orElse(false);
    }

    /** The application locked for a change by the system; 404 if it does not exist. */
    Application forUpdate(String number) {
        return applications.findForUpdate(number).orElseThrow(() -> notFound(number));
    }

    /** The applicant, window clerks and supervisors see an application; anyone else learns nothing of it. */
    static boolean mayRead(Application application, Caller caller) {
        return application.ownedBy(caller.subject()) || caller.hasRole(WINDOW_CLERK) || caller.hasRole(SUPERVISOR);
    }

    /**
     * Only the applicant, a window clerk, or the applicant's agent acts on an application. Every caller comes here
     * after {@link #readable(String, Caller)} or {@link #forUpdate(String, Caller)}, which let an applicant account
     * other than the applicant's own through only as an agent by an authorization in force covering the application.
     */
    static void requireActor(Application application, Caller caller) {
        boolean agent = caller.hasRole(APPLICANT) && !caller.hasRole(SUPERVISOR);
        if (!application.ownedBy(caller.subject()) && !caller.hasRole(WINDOW_CLERK) && !agent) {
            throw forbidden("Only the applicant, a window clerk or the applicant's agent may do this.");
        }
    }

    /** What a rating link shows of the application it names (the signed link is the authority); else 404. */
    public RatingView ratingView(String number) {
        return RatingView.of(applications.find(number).orElseThrow(() -> notFound(number)));
    }

    public ApplicationView get(String number, Caller caller) {
        return shown(readable(number, caller), caller);
    }

    /** The view a caller gets: a supervisor who is not also a clerk or the applicant sees ID and phone numbers masked. */
    private ApplicationView shown(Application application, Caller caller) {
        boolean masked =
                caller.hasRole(SUPERVISOR) && !caller.hasRole(WINDOW_CLERK) && !application.ownedBy(caller.subject());
        return masked ? maskedView(application) : view(application);
    }

    /**
     * An applicant's own; for window clerks and supervisors all, optionally by status; a window clerk may look up one
     * person's or entity's by ID number (its blind index). Supervisors, whose work is statistics, see ID and phone
     * numbers masked.
     */
    public List<ApplicationView> list(Caller caller, ApplicationStatus status, String idNumber, int limit) {
        List<Application> found;
        if (idNumber != null && caller.hasRole(WINDOW_CLERK)) {
            found = applications.ofIdNumber(idNumber, limit).stream()
                    .filter(a -> status == null || a.status() == status)
                    .toList();
        } else if (caller.hasRole(WINDOW_CLERK) || caller.hasRole(SUPERVISOR)) {
            found = status == null ? applications.recent(limit) : applications.withStatus(status, limit);
        } else {
            found = applications.ofApplicant(caller.subject(), limit).stream()
                    .filter(a -> status == null || a.status() == status)
                    .toList();
        }
        return found.stream().map(a -> shown(a, caller)).toList();
    }

    /** Bad ratings whose follow-up is open, earliest deadline first. */
    public List<ApplicationView> openFollowUps() {
        return applications.openFollowUps(500).stream().map(this::maskedView).toList();
    }

    /** Bad ratings whose follow-up is open past its due date (escalated to the supervisors), earliest first. */
    public List<ApplicationView> overdueFollowUps(LocalDate today) {
        return applications.overdueFollowUps(today, 500).stream()
                .map(this::maskedView)
                .toList();
    }

    /** Withdrawals the applicant confirmed, or not (a clerk's with a recorded reason only), the latest first. */
    public List<ApplicationView> withdrawals(boolean confirmedByApplicant) {
        return applications.withdrawn(confirmedByApplicant, 500).stream()
                .map(this::maskedView)
                .toList();
    }

    /** Applications that needed more than one trip to a window. */
    public List<ApplicationView> multipleVisits() {
        return applications.withMultipleVisits(500).stream()
                .map(this::maskedView)
                .toList();
    }

    ApplicationView view(Application application) {
        return ApplicationView.of(application, this::departmentName);
    }

    /** The view with every ID and phone number masked ({@code 330106********1234}): for supervision lists. */
    ApplicationView maskedView(Application application) {
        JsonNode state = json.valueToTree(application.snapshot());
        PersonalDataInJson.mask(state);
        return view(Application.restore(json.treeToValue(state, ApplicationSnapshot.class)));
    }

    /** A department's name from the catalog copy, or null when unknown. */
    public Name departmentName(String code) {
        return catalog.department(code).map(Department::name).orElse(null);
    }

    static Refusal notFound(String number) {
        return new Refusal(404, "not-found", "Not found", "Application " + number + " not found.");
    }

    static Refusal forbidden(String detail) {
        return Refusal.forbidden("forbidden", "Forbidden", detail);
    }
}
