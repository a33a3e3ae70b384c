package org.runonce.approval.cases;

import java.util.HashMap;
import java.util.Map;
import org.runonce.approval.catalog.CatalogCopy;
import org.runonce.approval.shared.Time;
import org.runonce.contracts.approval.CaseClock;
import org.runonce.contracts.calendar.WorkingDayCalendar;
import org.springframework.stereotype.Component;

/** Builds what the API shows of a case, clocks as of today. */
@Component
class CaseViews {

    private final Cases cases;
    private final CatalogCopy catalog;
    private final Time time;

    CaseViews(Cases cases, CatalogCopy catalog, Time time) {
        this.cases = cases;
        this.catalog = catalog;
        this.time = time;
    }

    CaseClock clock(Case c) {
        return c.clock(time.today(), catalog.calendar(c.region));
    }

    CaseView of(Case c) {
        var dependencies = cases.dependenciesOf(c.number);
        var statuses = cases.statuses(dependencies);
        var d = c.decision;
        return new CaseView(
                c.number,
                c.applicationNumber,
                c.bundleCode,
                c.itemCode,
                c.itemVersion,
                c.itemName,
                c.departmentCode,
                c.handlingMode,
                c.status.name(),
                c.step(),
                c.procedure.steps(),
                c.assignee,
                clock(c),
                c.applicant,
                dependencies.stream()
                        .map(n -> new CaseView.Dependency(
                                n, statuses.containsKey(n) ? statuses.get(n).name() : "UNKNOWN"))
                        .toList(),
                cases.materials(c.number).stream()
                        .map(m -> new CaseView.Material(
                                m.code(), m.documentId(), m.certificateNumber(), m.producedByCase(), m.attachedAt()))
                        .toList(),
                cases.supplements(c.number).stream()
                        .map(s -> new CaseView.Supplement(
                                s.requestNumber(),
                                s.requestedAt(),
                                s.requestedBy(),
                                s.reason(),
                                s.materials(),
                                s.secondApprovedBy(),
                                s.secondApproval(),
                                s.flagged(),
                                s.receivedAt()))
                        .toList(),
                cases.pauses(c.number).stream()
                        .map(p -> new CaseView.Pause(
                                p.kind(),
                                p.reason(),
                                p.startedOn(),
                                p.expectedDays(),
                                p.expectedEnd(),
                                p.endedOn(),
                                p.workingDays()))
                        .toList(),
                d == null
                        ? null
                        : new CaseView.Decision(
                                d.outcome().name(),
                                d.reason(),
                                d.legalBasis(),
                                d.decidedAt(),
                                d.decidedBy(),
                                d.atWindow(),
                                d.delegationId(),
                                d.daysUsed(),
                                d.onTime(),
                                d.certificateNumber()),
                c.actions());
    }

    /** Queue entries; one calendar lookup per region. */
    java.util.List<CaseView.Summary> summaries(java.util.List<Case> list) {
        Map<String, WorkingDayCalendar> calendars = new HashMap<>();
        var today = time.today();
        return list.stream()
                .map(c -> new CaseView.Summary(
                        c.number,
                        c.applicationNumber,
                        c.itemCode,
                        c.itemName,
                        c.departmentCode,
                        c.status.name(),
                        c.step(),
                        c.assignee,
                        c.openedAt,
                        c.clock(today, calendars.computeIfAbsent(c.region, catalog::calendar))))
                .toList();
    }
}
