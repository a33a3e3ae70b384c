package org.runonce.approval.complaint;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.runonce.approval.ApprovalProperties;
import org.runonce.approval.catalog.CatalogCopy;
import org.runonce.approval.complaint.Complaint.About;
import org.runonce.approval.complaint.Complaint.Channel;
import org.runonce.approval.complaint.Complaint.Complainant;
import org.runonce.approval.complaint.Complaint.Responsibility;
import org.runonce.approval.complaint.ComplaintView.Reader;
import org.runonce.starter.domain.Refusal;
import org.runonce.starter.domain.Time;
import org.runonce.starter.security.Caller;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The complaint use cases: filing (applicant, anonymous, recorded by a window clerk), reading with department
 * isolation (another department's complaint answers 404), replying, escalating, assigning and resolving.
 */
@Service
class HandlingComplaints {

    static final String APPLICANT = "applicant";
    static final String REVIEWER = "reviewer";
    static final String HEAD = "department-head";
    static final String SUPERVISOR = "supervisor";
    static final String CLERK = "window-clerk";

    private static final Pattern CASE = Pattern.compile("^\\d{6}-\\d{4}-\\d{6,12}-\\d{2}$");
    private static final Pattern APPLICATION = Pattern.compile("^\\d{6}-\\d{4}-\\d{6,12}$");

    /**
     * What a complaint is about and says, however it is filed.
     *
     * @param about what it is about
     * @param department the responsible department when the complainant names it, or null
     * @param description the complaint
     */
    record Filing(About about, String department, String description) {}

    private final Complaints complaints;
    private final CatalogCopy catalog;
    private final JdbcClient jdbc;
    private final Time time;
    private final ApprovalProperties properties;

    HandlingComplaints(
            Complaints complaints, CatalogCopy catalog, JdbcClient jdbc, Time time, ApprovalProperties properties) {
        this.complaints = complaints;
        this.catalog = catalog;
        this.jdbc = jdbc;
        this.time = time;
        this.properties = properties;
    }

    @Transactional
    ComplaintView fileAsApplicant(Caller applicant, Filing filing) {
        var c = file(filing, Channel.ONLINE, new Complainant(applicant.subject(), null), null, null);
        return view(c, Reader.COMPLAINANT);
    }

    @Transactional
    ComplaintView.Filed fileAnonymously(Filing filing, Contact contact) {
        String code = AccessCodes.generate();
        var c = file(filing, Channel.ONLINE, new Complainant(null, contact), AccessCodes.hash(code), null);
        return new ComplaintView.Filed(view(c, Reader.COMPLAINANT), code);
    }

    /** A window clerk records a complaint made at the window, by phone or online for someone; the code is theirs. */
    @Transactional
    ComplaintView.Filed record(Caller clerk, Channel channel, Filing filing, Contact contact) {
        String code = AccessCodes.generate();
        var c = file(filing, channel, new Complainant(null, contact), AccessCodes.hash(code), clerk.username());
        return new ComplaintView.Filed(view(c, Reader.COMPLAINANT), code);
    }

    private Complaint file(Filing f, Channel channel, Complainant who, String codeHash, String recordedBy) {
        var about = validated(f.about());
        String department = f.department() != null ? known(f.department()) : derivedDepartment(about);
        var now = time.now();
        var today = time.today();
        int limit = properties.complaints().limitDays();
        var responsibility = department == null ? null : responsibility(department, limit);
        var c = Complaint.file(
                complaints.nextNumber(today.getYear()),
                now,
                channel,
                about,
                f.description().strip(),
                who,
                codeHash,
                recordedBy,
                limit,
                responsibility,
                recordedBy != null ? recordedBy : Complaint.COMPLAINANT);
        complaints.add(c);
        return c;
    }

    private Responsibility responsibility(String department, int limit) {
        String region = catalog.regionOf(department).orElse(properties.defaultRegion());
        return Responsibility.of(department, region, time.today(), limit, catalog.calendar(region));
    }

    private static About validated(About about) {
        String ref = about.reference().strip();
        boolean valid = switch (about.kind()) {
            case CASE -> CASE.matcher(ref).matches();
            case APPLICATION -> APPLICATION.matcher(ref).matches();
            case DEPARTMENT, WINDOW -> !ref.isEmpty();
        };
        if (!valid) {
            throw Refusal.badRequest(
                            "complaint-reference-invalid",
                            "Invalid reference",
                            "not a valid " + about.kind().name().toLowerCase(java.util.Locale.ROOT) + " reference")
                    .with("aboutKind", about.kind().name());
        }
        return new About(about.kind(), ref);
    }

    private String known(String department) {
        if (catalog.departmentName(department).isEmpty()) {
            throw Refusal.badRequest("unknown-department", "Unknown department", "no department " + department);
        }
        return department;
    }

    /**
     * The department a complaint is about, from what it names: a case's department (the cases table), an
     * application's when all its cases are of one department, a known department; else none (a supervisor assigns).
     */
    private String derivedDepartment(About about) {
        return switch (about.kind()) {
            case CASE ->
                jdbc.sql("select department_code from approval_case where number = ?")
                        .param(about.reference())
                        .query(String.class)
                        .optional()
                        .orElse(null);
            case APPLICATION -> {
                List<String> departments = jdbc.sql(
                                "select distinct department_code from approval_case where application_number = ?")
                        .param(about.reference())
                        .query(String.class)
                        .list();
                yield departments.size() == 1 ? departments.getFirst() : null;
            }
            case DEPARTMENT -> known(about.reference());
            case WINDOW -> null;
        };
    }

    /** One complaint, if the caller may see it (404 otherwise, as if it did not exist). */
    @Transactional(readOnly = true)
    ComplaintView read(String number, Caller caller) {
        var c = complaints.find(number).orElseThrow(() -> Refusal.notFound("complaint", number));
        return view(c, readerOf(c, caller));
    }

    /** An anonymous complainant's complaint, by its number and access code (404 for either wrong). */
    @Transactional(readOnly = true)
    ComplaintView readWithCode(String number, String code) {
        return view(withCode(complaints.find(number), number, code), Reader.COMPLAINANT);
    }

    @Transactional(readOnly = true)
    List<ComplaintView> list(Caller caller, Complaint.Status status, Boolean overdue, Boolean unassigned, int limit) {
        var today = time.today();
        List<Complaint> found;
        Reader reader;
        if (caller.hasRole(SUPERVISOR)) {
            found = complaints.list(null, null, null, status, overdue, unassigned, today, limit);
            reader = Reader.SUPERVISOR;
        } else if (caller.hasRole(REVIEWER) || caller.hasRole(HEAD)) {
            found = complaints.list(departmentOf(caller), null, null, status, overdue, unassigned, today, limit);
            reader = Reader.DEPARTMENT;
        } else if (caller.hasRole(CLERK)) {
            found = complaints.list(null, null, caller.username(), status, overdue, unassigned, today, limit);
            reader = Reader.DEPARTMENT;
        } else {
            found = complaints.list(null, caller.subject(), null, status, overdue, unassigned, today, limit);
            reader = Reader.COMPLAINANT;
        }
        return found.stream()
                .map(c -> ComplaintView.of(
                        c, reader, today, reader == Reader.COMPLAINANT ? List.of() : complaints.entries(c.number())))
                .toList();
    }

    /** The department's reviewer or head replies. */
    @Transactional
    ComplaintView reply(String number, Caller caller, String text) {
        var c = complaints.lock(number).orElseThrow(() -> Refusal.notFound("complaint", number));
        if (c.department() == null || !caller.belongsTo(c.department())) {
            throw Refusal.notFound("complaint", number);
        }
        c.reply(text.strip(), caller.username(), time.now(), time.today());
        complaints.save(c);
        return view(c, Reader.DEPARTMENT);
    }

    /** The applicant who filed it is not satisfied with the reply. */
    @Transactional
    ComplaintView escalate(String number, Caller applicant, String why) {
        var c = complaints.lock(number).orElseThrow(() -> Refusal.notFound("complaint", number));
        if (!applicant.subject().equals(c.complainant().subject())) {
            throw Refusal.notFound("complaint", number);
        }
        c.escalateByComplainant(why == null ? null : why.strip(), time.now());
        complaints.save(c);
        return view(c, Reader.COMPLAINANT);
    }

    /** The anonymous complainant is not satisfied with the reply. */
    @Transactional
    ComplaintView escalateWithCode(String number, String code, String why) {
        var c = withCode(complaints.lock(number), number, code);
        c.escalateByComplainant(why == null ? null : why.strip(), time.now());
        complaints.save(c);
        return view(c, Reader.COMPLAINANT);
    }

    /** A supervisor names the responsible department of a complaint that had none. */
    @Transactional
    ComplaintView assign(String number, Caller supervisor, String department) {
        var c = complaints.lock(number).orElseThrow(() -> Refusal.notFound("complaint", number));
        c.assign(responsibility(known(department), c.limitDays()), supervisor.username(), time.now());
        complaints.save(c);
        return view(c, Reader.SUPERVISOR);
    }

    /** A supervisor closes an escalated complaint. */
    @Transactional
    ComplaintView resolve(String number, Caller supervisor, String text) {
        var c = complaints.lock(number).orElseThrow(() -> Refusal.notFound("complaint", number));
        c.resolve(text.strip(), supervisor.username(), time.now());
        complaints.save(c);
        return view(c, Reader.SUPERVISOR);
    }

    private static Complaint withCode(Optional<Complaint> found, String number, String code) {
        return found.filter(c -> c.complainant().anonymous() && AccessCodes.matches(code, c.accessCodeHash()))
                .orElseThrow(() -> Refusal.notFound("complaint", number));
    }

    /** How the caller reads the complaint, or 404 when they may not. */
    private static Reader readerOf(Complaint c, Caller caller) {
        if (caller.hasRole(SUPERVISOR)) {
            return Reader.SUPERVISOR;
        }
        if ((caller.hasRole(REVIEWER) || caller.hasRole(HEAD))
                && c.department() != null
                && caller.belongsTo(c.department())) {
            return Reader.DEPARTMENT;
        }
        if (caller.hasRole(CLERK) && caller.username().equals(c.recordedBy())) {
            return Reader.DEPARTMENT;
        }
        if (caller.hasRole(APPLICANT) && caller.subject().equals(c.complainant().subject())) {
            return Reader.COMPLAINANT;
        }
        throw Refusal.notFound("complaint", c.number());
    }

    private static String departmentOf(Caller caller) {
        return caller.department()
                .orElseThrow(() -> Refusal.forbidden(
                        "no-department", "No department", "only department staff see a department's complaints"));
    }

    private ComplaintView view(Complaint c, Reader reader) {
        return ComplaintView.of(
                c, reader, time.today(), reader == Reader.COMPLAINANT ? List.of() : complaints.entries(c.number()));
    }
}
