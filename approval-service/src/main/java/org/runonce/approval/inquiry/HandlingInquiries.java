package org.runonce.approval.inquiry;

import java.util.List;
import java.util.Optional;
import org.runonce.approval.ApprovalProperties;
import org.runonce.approval.catalog.CatalogCopy;
import org.runonce.approval.complaint.AccessCodes;
import org.runonce.approval.complaint.Contact;
import org.runonce.approval.inquiry.Inquiry.Channel;
import org.runonce.approval.inquiry.Inquiry.Inquirer;
import org.runonce.approval.inquiry.Inquiry.Limit;
import org.runonce.approval.inquiry.InquiryView.Reader;
import org.runonce.starter.domain.Refusal;
import org.runonce.starter.domain.Time;
import org.runonce.starter.security.Caller;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The inquiry use cases: staff receive an inquiry (and own it), applicants and anyone ask online (a department's staff
 * takes it), the owner hands it over or answers, readers see it by who they are (another department's: 404).
 */
@Service
class HandlingInquiries {

    static final String APPLICANT = "applicant";
    static final String REVIEWER = "reviewer";
    static final String HEAD = "department-head";
    static final String SUPERVISOR = "supervisor";
    static final String CLERK = "window-clerk";

    private final Inquiries inquiries;
    private final CatalogCopy catalog;
    private final Time time;
    private final ApprovalProperties properties;

    HandlingInquiries(Inquiries inquiries, CatalogCopy catalog, Time time, ApprovalProperties properties) {
        this.inquiries = inquiries;
        this.catalog = catalog;
        this.time = time;
        this.properties = properties;
    }

    /**
     * A member of staff records an inquiry they received: they own it (a window clerk for the hall, a reviewer or
     * head for their department). The inquirer is an applicant named by nothing here, so a contact is required and an
     * access code returned.
     */
    @Transactional
    InquiryView.Received receive(Caller staff, Channel channel, String question, Contact contact) {
        String department = staff.hasRole(CLERK) && !staff.hasRole(REVIEWER) && !staff.hasRole(HEAD)
                ? null
                : staff.department().orElse(null);
        String code = AccessCodes.generate();
        var i = Inquiry.received(
                inquiries.nextNumber(time.today().getYear()),
                time.now(),
                channel,
                question.strip(),
                new Inquirer(null, contact),
                AccessCodes.hash(code),
                staff.username(),
                department,
                properties.inquiries().limitDays(),
                limit(department));
        inquiries.add(i);
        return new InquiryView.Received(view(i, Reader.INQUIRER), code);
    }

    /** An applicant asks a department online; it waits there until one of its staff takes it. */
    @Transactional
    InquiryView ask(Caller applicant, String department, String question) {
        var i = askOnline(new Inquirer(applicant.subject(), null), null, known(department), question);
        return view(i, Reader.INQUIRER);
    }

    /** Anyone asks a department online with a contact; the access code is returned once. */
    @Transactional
    InquiryView.Received askAnonymously(String department, String question, Contact contact) {
        String code = AccessCodes.generate();
        var i = askOnline(new Inquirer(null, contact), AccessCodes.hash(code), known(department), question);
        return new InquiryView.Received(view(i, Reader.INQUIRER), code);
    }

    private Inquiry askOnline(Inquirer who, String codeHash, String department, String question) {
        var i = Inquiry.askedOnline(
                inquiries.nextNumber(time.today().getYear()),
                time.now(),
                question.strip(),
                who,
                codeHash,
                department,
                properties.inquiries().limitDays(),
                limit(department));
        inquiries.add(i);
        return i;
    }

    private Limit limit(String department) {
        String region = department == null
                ? properties.defaultRegion()
                : catalog.regionOf(department).orElse(properties.defaultRegion());
        return Limit.of(region, time.today(), properties.inquiries().limitDays(), catalog.calendar(region));
    }

    private String known(String department) {
        if (department != null && catalog.departmentName(department).isEmpty()) {
            throw Refusal.badRequest("unknown-department", "Unknown department", "no department " + department);
        }
        return department;
    }

    /** A reviewer or head of the department takes an online inquiry addressed to it. */
    @Transactional
    InquiryView take(String number, Caller staff) {
        var i = inquiries.lock(number).orElseThrow(() -> Refusal.notFound("inquiry", number));
        readerOf(i, staff);
        String department = staff.department().orElse(null);
        if (i.department() == null || !i.department().equals(department)) {
            throw Refusal.forbidden(
                    "other-department", "Other department", "the department the inquiry is addressed to takes it");
        }
        i.take(staff.username(), department, time.now());
        inquiries.save(i);
        return view(i, Reader.STAFF);
    }

    /** The owner hands the inquiry over to a named owner. */
    @Transactional
    InquiryView handOver(String number, Caller owner, String toOwner, String toDepartment, String reason) {
        var i = inquiries.lock(number).orElseThrow(() -> Refusal.notFound("inquiry", number));
        readerOf(i, owner);
        i.handOver(owner.username(), toOwner.strip(), known(toDepartment), reason.strip(), time.now());
        inquiries.save(i);
        return view(i, Reader.STAFF);
    }

    /** The owner answers. */
    @Transactional
    InquiryView answer(String number, Caller owner, String answer) {
        var i = inquiries.lock(number).orElseThrow(() -> Refusal.notFound("inquiry", number));
        readerOf(i, owner);
        i.answer(owner.username(), answer.strip(), time.now());
        inquiries.save(i);
        return view(i, Reader.STAFF);
    }

    @Transactional(readOnly = true)
    InquiryView read(String number, Caller caller) {
        var i = inquiries.find(number).orElseThrow(() -> Refusal.notFound("inquiry", number));
        return view(i, readerOf(i, caller));
    }

    @Transactional(readOnly = true)
    InquiryView readWithCode(String number, String code) {
        return view(withCode(inquiries.find(number), number, code), Reader.INQUIRER);
    }

    @Transactional(readOnly = true)
    List<InquiryView> list(Caller caller, Inquiry.Status status, Boolean overdue, int limit) {
        var today = time.today();
        List<Inquiry> found;
        Reader reader;
        if (caller.hasRole(SUPERVISOR)) {
            found = inquiries.list(null, null, null, status, overdue, today, limit);
            reader = Reader.SUPERVISOR;
        } else if (caller.hasRole(REVIEWER) || caller.hasRole(HEAD) || caller.hasRole(CLERK)) {
            found = inquiries.list(
                    caller.department().orElse(null), caller.username(), null, status, overdue, today, limit);
            reader = Reader.STAFF;
        } else {
            found = inquiries.list(null, null, caller.subject(), status, overdue, today, limit);
            reader = Reader.INQUIRER;
        }
        return found.stream()
                .map(i -> InquiryView.of(i, reader, today, inquiries.handovers(i.number())))
                .toList();
    }

    private static Inquiry withCode(Optional<Inquiry> found, String number, String code) {
        return found.filter(i -> i.inquirer().anonymous() && AccessCodes.matches(code, i.accessCodeHash()))
                .orElseThrow(() -> Refusal.notFound("inquiry", number));
    }

    /**
     * How the caller reads the inquiry, or 404: supervisors all; staff the ones they own or received and their
     * department's; an applicant their own.
     */
    private static Reader readerOf(Inquiry i, Caller caller) {
        if (caller.hasRole(SUPERVISOR)) {
            return Reader.SUPERVISOR;
        }
        boolean staff = caller.hasRole(REVIEWER) || caller.hasRole(HEAD) || caller.hasRole(CLERK);
        if (staff
                && (caller.username().equals(i.owner())
                        || caller.username().equals(i.receivedBy())
                        || (i.department() != null && caller.belongsTo(i.department())))) {
            return Reader.STAFF;
        }
        if (caller.hasRole(APPLICANT) && caller.subject().equals(i.inquirer().subject())) {
            return Reader.INQUIRER;
        }
        throw Refusal.notFound("inquiry", i.number());
    }

    private InquiryView view(Inquiry i, Reader reader) {
        return InquiryView.of(i, reader, time.today(), inquiries.handovers(i.number()));
    }
}
