package org.runonce.approval.cases;

import org.springframework.stereotype.Component;

/** Builds what the API shows of a case, its clock as of today. */
@Component
class CaseViews {

    private final Cases cases;
    private final CaseTime caseTime;

    CaseViews(Cases cases, CaseTime caseTime) {
        this.cases = cases;
        this.caseTime = caseTime;
    }

    CaseView of(Case c) {
        var s = c.subject();
        var parts = c.parts();
        var dependencies = parts.prerequisites().dependsOn();
        var statuses = cases.statuses(dependencies);
        var d = c.decision();
        return new CaseView(
                s.number(),
                s.applicationNumber(),
                s.bundleCode(),
                s.itemCode(),
                s.itemVersion(),
                s.itemName(),
                s.departmentCode(),
                s.handlingMode(),
                c.status().name(),
                c.step(),
                s.procedure().steps(),
                c.assignee(),
                c.clock(caseTime.of(c)),
                s.applicant(),
                dependencies.stream()
                        .map(n -> new CaseView.Dependency(
                                n, statuses.containsKey(n) ? statuses.get(n).name() : "UNKNOWN"))
                        .toList(),
                parts.materials().all().stream().map(CaseViews::material).toList(),
                parts.supplements().requests().stream()
                        .map(r -> new CaseView.Supplement(
                                r.requestNumber(),
                                r.requestedAt(),
                                r.requestedBy(),
                                r.reason(),
                                r.materials(),
                                r.secondApprovedBy(),
                                r.secondApproval(),
                                r.flagged(),
                                r.receivedAt()))
                        .toList(),
                parts.stopwatch().pauses().stream()
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

    static CaseView.Material material(CaseMaterials.Material m) {
        var r = m.reference();
        return new CaseView.Material(
                r.code(), r.documentId(), r.certificateNumber(), r.producedByCase(), m.attachedAt());
    }
}
