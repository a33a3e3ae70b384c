package org.runonce.notification.notice;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.runonce.contracts.CloudEvent;
import org.runonce.contracts.approval.CaseHeader;
import org.runonce.contracts.approval.CaseOverdue;
import org.runonce.contracts.approval.CaseWarning;
import org.runonce.contracts.approval.ComplaintFiled;
import org.runonce.contracts.approval.ComplaintOverdue;
import org.runonce.contracts.approval.InquiryOverdue;
import org.runonce.contracts.intake.ApplicationEvaluated;
import org.runonce.starter.domain.Time;
import org.runonce.starter.events.Events;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/**
 * Electronic supervision's notices to staff (电子监察): approval's {@code case.warning} (80 % of the promised time
 * used) and {@code case.overdue} reach the case's reviewer (the header's assignee, when it has one) and the heads of
 * its department (the header's department), in their staff inbox. The heads of a department also hear of a bad rating
 * of it (intake's {@code application.evaluated}, 1 or 2: to be followed up), of a complaint about it filed or
 * overdue, and of an overdue inquiry, which also reaches its owner. Other events are not staff notices.
 */
@Service
public class StaffNotices {

    private static final Logger log = LoggerFactory.getLogger(StaffNotices.class);

    private final StaffInbox inbox;
    private final Events events;
    private final Time time;

    StaffNotices(StaffInbox inbox, Events events, Time time) {
        this.inbox = inbox;
        this.events = events;
        this.time = time;
    }

    /** The event types that make staff notices (the cases of {@link #handle}); every other type makes none. */
    private static final java.util.Set<String> TYPES = java.util.Set.of(
            CaseWarning.TYPE,
            CaseOverdue.TYPE,
            ApplicationEvaluated.TYPE,
            ComplaintFiled.TYPE,
            ComplaintOverdue.TYPE,
            InquiryOverdue.TYPE);

    /** Whether events of this type may make staff notices: the consumer passes the others over untouched. */
    static boolean concerns(String type) {
        return TYPES.contains(type);
    }

    /**
     * The notices of one approval event, in the caller's transaction; a repeated event adds none.
     *
     * @return how many notices were stored
     */
    @Transactional
    public int handle(CloudEvent<JsonNode> event) {
        List<StaffNotice> notices = switch (event.type()) {
            case CaseWarning.TYPE -> {
                var warning = events.convert(event, CaseWarning.class).data();
                yield of(event, "WARNING", warning.header());
            }
            case CaseOverdue.TYPE -> {
                var overdue = events.convert(event, CaseOverdue.class).data();
                yield of(event, "OVERDUE", overdue.header());
            }
            case ApplicationEvaluated.TYPE -> {
                var rated = events.convert(event, ApplicationEvaluated.class).data();
                yield rated.rating() > 2 || rated.departmentCodes() == null
                        ? List.<StaffNotice>of()
                        : rated.departmentCodes().stream()
                                .map(department -> toHeads(
                                        event,
                                        "BAD_RATING",
                                        rated.applicationNumber(),
                                        department,
                                        "差评 Bad rating (" + rated.rating() + "): application "
                                                + rated.applicationNumber() + ", follow it up by "
                                                + rated.followUpDue(),
                                        "Rated " + rated.rating() + " of 5 on " + rated.evaluatedAt()
                                                + ". Follow it up (整改回访) at intake by " + rated.followUpDue()
                                                + "; past that day it is escalated and an accountability record"
                                                + " is opened."))
                                .toList();
            }
            case ComplaintFiled.TYPE -> {
                var filed = events.convert(event, ComplaintFiled.class).data();
                yield filed.departmentCode() == null
                        ? List.<StaffNotice>of()
                        : List.of(toHeads(
                                event,
                                "COMPLAINT",
                                null,
                                filed.departmentCode(),
                                "投诉 Complaint " + filed.number() + " to handle by " + filed.dueOn(),
                                "About " + filed.aboutKind() + " " + filed.aboutReference() + ", filed "
                                        + filed.channel() + " on " + filed.filedAt() + "; reply by " + filed.dueOn()
                                        + " (" + filed.limitWorkingDays() + " working days)."));
            }
            case ComplaintOverdue.TYPE -> {
                var overdue = events.convert(event, ComplaintOverdue.class).data();
                yield overdue.departmentCode() == null
                        ? List.<StaffNotice>of()
                        : List.of(toHeads(
                                event,
                                "COMPLAINT_OVERDUE",
                                null,
                                overdue.departmentCode(),
                                "投诉超期 Complaint " + overdue.number() + " unanswered since " + overdue.dueOn(),
                                "Escalated to the supervisors on " + overdue.detectedAt() + "."));
            }
            case InquiryOverdue.TYPE -> {
                var overdue = events.convert(event, InquiryOverdue.class).data();
                if (overdue.departmentCode() == null) {
                    yield List.<StaffNotice>of();
                }
                String title = "咨询超期 Inquiry " + overdue.number() + " unanswered since " + overdue.dueOn();
                String body = "Owned by " + overdue.owner() + " (首问负责); answer it or hand it over.";
                var heads = toHeads(event, "INQUIRY_OVERDUE", null, overdue.departmentCode(), title, body);
                yield overdue.owner() == null || overdue.owner().isBlank()
                        ? List.of(heads)
                        : List.of(heads, heads.to(overdue.owner()));
            }
            default -> List.of();
        };
        int stored = 0;
        for (StaffNotice notice : notices) {
            stored += inbox.add(notice) ? 1 : 0;
        }
        if (stored > 0) {
            log.info("{}: {} staff notices of {}", event.subject(), stored, event.type());
        }
        return stored;
    }

    /** A notice to the heads of {@code department} about an application, a complaint or an inquiry. */
    private StaffNotice toHeads(
            CloudEvent<JsonNode> event,
            String kind,
            String applicationNumber,
            String department,
            String title,
            String body) {
        return new StaffNotice(
                UUID.randomUUID(),
                event.id(),
                event.type(),
                kind,
                null,
                applicationNumber,
                department,
                StaffNotice.HEADS,
                title,
                body,
                time.now(),
                null);
    }

    private List<StaffNotice> of(CloudEvent<JsonNode> event, String kind, CaseHeader header) {
        var clock = header.clock();
        String title = "WARNING".equals(kind)
                ? "预警 Warning: case " + header.caseNumber() + " has used 80% of its time"
                : "超期 Overdue: case " + header.caseNumber() + " passed its promised time";
        String body = "Case %s (item %s, department %s), promised %d working days, due %s, used %d, left %d."
                .formatted(
                        header.caseNumber(),
                        header.itemCode(),
                        header.departmentCode(),
                        clock == null ? 0 : clock.promisedWorkingDays(),
                        clock == null ? null : clock.dueDate(),
                        clock == null ? 0 : clock.workingDaysUsed(),
                        clock == null ? 0 : clock.workingDaysLeft());
        List<String> addressees = new ArrayList<>();
        if (header.assignee() != null && !header.assignee().isBlank()) {
            addressees.add(header.assignee());
        }
        addressees.add(StaffNotice.HEADS);
        return addressees.stream()
                .map(to -> new StaffNotice(
                        UUID.randomUUID(),
                        event.id(),
                        event.type(),
                        kind,
                        header.caseNumber(),
                        header.applicationNumber(),
                        header.departmentCode(),
                        to,
                        title,
                        body,
                        time.now(),
                        null))
                .toList();
    }
}
