package org.runonce.intake.application;

import java.util.List;
import org.runonce.contracts.catalog.Name;
import org.runonce.intake.catalog.CatalogCopy;
import org.runonce.intake.catalog.Department;
import org.runonce.starter.domain.Refusal;
import org.runonce.starter.security.Caller;
import org.springframework.stereotype.Component;

/**
 * Who sees and acts on an application: the applicant, window clerks and supervisors see it, anyone else learns
 * nothing of it (404); the applicant or a window clerk acts on it. Also the reads and views the API answers.
 */
@Component
public class ApplicationAccess {

    static final String APPLICANT = "applicant";
    static final String WINDOW_CLERK = "window-clerk";
    static final String SUPERVISOR = "supervisor";

    private final Applications applications;
    private final CatalogCopy catalog;

    ApplicationAccess(Applications applications, CatalogCopy catalog) {
        this.applications = applications;
        this.catalog = catalog;
    }

    /** The application, if the caller may see it; else 404. */
    public Application readable(String number, Caller caller) {
        return applications.find(number).filter(a -> mayRead(a, caller)).orElseThrow(() -> notFound(number));
    }

    /** The application locked for a change by the caller, if the caller may see it; else 404. */
    Application forUpdate(String number, Caller caller) {
        return applications
                .findForUpdate(number)
                .filter(a -> mayRead(a, caller))
                .orElseThrow(() -> notFound(number));
    }

    /** The application locked for a change by the system; 404 if it does not exist. */
    Application forUpdate(String number) {
        return applications.findForUpdate(number).orElseThrow(() -> notFound(number));
    }

    /** The applicant, window clerks and supervisors see an application; anyone else learns nothing of it. */
    static boolean mayRead(Application application, Caller caller) {
        return application.ownedBy(caller.subject()) || caller.hasRole(WINDOW_CLERK) || caller.hasRole(SUPERVISOR);
    }

    /** Only the applicant or a window clerk acts on an application. */
    static void requireActor(Application application, Caller caller) {
        if (!application.ownedBy(caller.subject()) && !caller.hasRole(WINDOW_CLERK)) {
            throw forbidden("Only the applicant or a window clerk may do this.");
        }
    }

    public ApplicationView get(String number, Caller caller) {
        return view(readable(number, caller));
    }

    /** An applicant's own; for window clerks and supervisors all, optionally by status. */
    public List<ApplicationView> list(Caller caller, ApplicationStatus status, int limit) {
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

    /** Bad ratings whose follow-up is open, earliest deadline first. */
    public List<ApplicationView> openFollowUps() {
        return applications.openFollowUps(500).stream().map(this::view).toList();
    }

    /** Applications that needed more than one trip to a window. */
    public List<ApplicationView> multipleVisits() {
        return applications.withMultipleVisits(500).stream().map(this::view).toList();
    }

    ApplicationView view(Application application) {
        return ApplicationView.of(application, this::departmentName);
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
