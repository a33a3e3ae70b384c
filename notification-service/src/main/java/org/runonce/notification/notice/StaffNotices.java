package org.runonce.notification.notice;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.runonce.contracts.CloudEvent;
import org.runonce.contracts.approval.CaseHeader;
import org.runonce.contracts.approval.CaseOverdue;
import org.runonce.contracts.approval.CaseWarning;
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
 * its department (the header's department), in their staff inbox. Other events are not staff notices.
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
            default -> List.of();
        };
        int stored = 0;
        for (StaffNotice notice : notices) {
            stored += inbox.add(notice) ? 1 : 0;
        }
        if (stored > 0) {
            log.info("case {}: {} staff notices of {}", notices.getFirst().caseNumber(), stored, event.type());
        }
        return stored;
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
