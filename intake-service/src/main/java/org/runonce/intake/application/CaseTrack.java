package org.runonce.intake.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.runonce.contracts.approval.CaseStatus;

/**
 * One item of an accepted application, handled by one department; intake tracks its status, step, clock, holder,
 * suspensions and the department's supplement requests from the approval service's case events.
 *
 * @param caseNumber {@code <applicationNumber>-NN}
 * @param itemCode the item
 * @param itemVersion the pinned item version
 * @param departmentCode the department
 * @param dependsOn case numbers it waits for
 * @param promisedWorkingDays the item's promised time limit
 * @param materials what it was opened with, and what was supplied later
 * @param status one of {@link CaseStatus}
 * @param certificateNumber the e-certificate its approval issued, or null
 * @param statusAt when the status last changed
 * @param progress step, holder and clock as of the last case event, or null before the first
 * @param suspensions the special procedures (特别程序) the case went through, oldest first
 * @param requests the department's supplement requests (补正), oldest first
 */
public record CaseTrack(
        String caseNumber,
        String itemCode,
        int itemVersion,
        String departmentCode,
        List<String> dependsOn,
        int promisedWorkingDays,
        List<CaseMaterial> materials,
        String status,
        String certificateNumber,
        Instant statusAt,
        Progress progress,
        List<Suspension> suspensions,
        List<DepartmentRequest> requests) {

    public CaseTrack {
        suspensions = suspensions == null ? List.of() : List.copyOf(suspensions);
        requests = requests == null ? List.of() : List.copyOf(requests);
    }

    /** A case just opened by the acceptance, before any event of its department. */
    static CaseTrack opened(
            String caseNumber,
            String itemCode,
            int itemVersion,
            String departmentCode,
            List<String> dependsOn,
            int promisedWorkingDays,
            List<CaseMaterial> materials,
            String status,
            Instant at) {
        return new CaseTrack(
                caseNumber,
                itemCode,
                itemVersion,
                departmentCode,
                dependsOn,
                promisedWorkingDays,
                materials,
                status,
                null,
                at,
                null,
                List.of(),
                List.of());
    }

    /**
     * Where the case is as its department last reported.
     *
     * @param step the procedure step (a step code of the item version, e.g. REVIEW)
     * @param heldBy the reviewer holding it, or null while it waits in the department's queue
     * @param dueDate the last working day to decide on time, or null while the clock has not started
     * @param workingDaysLeft working days left, negative when overdue
     * @param clockRunning whether the clock runs (not while suspended, waiting for a supplement or decided)
     * @param overdue whether the promised time limit has passed undecided
     */
    public record Progress(
            String step,
            String heldBy,
            LocalDate dueDate,
            int workingDaysLeft,
            boolean clockRunning,
            boolean overdue) {}

    /**
     * A special procedure (site inspection, expert review, public notice): the clock stands still meanwhile.
     *
     * @param procedure SITE_INSPECTION, EXPERT_REVIEW or PUBLIC_NOTICE
     * @param reason why
     * @param since when it started
     * @param expectedEnd the working day it is expected to end
     * @param resumedAt when the case resumed, or null while suspended
     * @param pausedWorkingDays working days it stood still, once resumed
     */
    public record Suspension(
            String procedure,
            String reason,
            Instant since,
            LocalDate expectedEnd,
            Instant resumedAt,
            Integer pausedWorkingDays) {

        Suspension resumed(Instant at, int days) {
            return new Suspension(procedure, reason, since, expectedEnd, at, days);
        }
    }

    /**
     * A supplement the department asked for (一次性告知: one request listing everything; a second only with the
     * department head's approval). The applicant answers it through intake, and the case resumes.
     *
     * @param requestNumber 1, or 2 for an approved second request
     * @param materials everything the department needs
     * @param reason why
     * @param requestedAt when
     * @param answeredAt when the applicant handed the materials in, or null while open
     */
    public record DepartmentRequest(
            int requestNumber,
            List<RequestedMaterial> materials,
            String reason,
            Instant requestedAt,
            Instant answeredAt) {

        public DepartmentRequest {
            materials = materials == null ? List.of() : List.copyOf(materials);
        }

        boolean open() {
            return answeredAt == null;
        }

        /** The catalog materials asked for; uncoded ones are answered by any material of the case's item. */
        List<String> codes() {
            return materials.stream()
                    .map(RequestedMaterial::code)
                    .filter(code -> code != null && !code.isBlank())
                    .toList();
        }

        DepartmentRequest answered(Instant at) {
            return new DepartmentRequest(requestNumber, materials, reason, requestedAt, at);
        }
    }

    /**
     * @param code material code, or null for something that is not a catalog material
     * @param description what exactly is missing or deficient
     */
    public record RequestedMaterial(String code, String description) {}

    boolean decided() {
        return CaseStatus.APPROVED.equals(status) || CaseStatus.REJECTED.equals(status);
    }

    boolean isFinal() {
        return CaseStatus.isFinal(status);
    }

    /** The department's request the applicant has not answered yet, if any. */
    Optional<DepartmentRequest> openRequest() {
        return requests.stream().filter(DepartmentRequest::open).reduce((first, second) -> second);
    }

    CaseTrack with(CaseUpdate update) {
        List<Suspension> nextSuspensions = new ArrayList<>(suspensions);
        if (update.suspended() != null) {
            nextSuspensions.add(update.suspended());
        }
        if (update.resumed() != null) {
            for (int i = nextSuspensions.size() - 1; i >= 0; i--) {
                Suspension s = nextSuspensions.get(i);
                if (s.resumedAt() == null
                        && s.procedure().equals(update.resumed().pause())) {
                    nextSuspensions.set(
                            i, s.resumed(update.at(), update.resumed().pausedWorkingDays()));
                    break;
                }
            }
        }
        List<DepartmentRequest> nextRequests = new ArrayList<>(requests);
        if (update.request() != null) {
            nextRequests.removeIf(r -> r.requestNumber() == update.request().requestNumber());
            nextRequests.add(update.request());
        }
        return rebuilt(
                materials,
                update.status(),
                update.certificateNumber() == null ? certificateNumber : update.certificateNumber(),
                update.at(),
                update.progress() == null ? progress : update.progress(),
                nextSuspensions,
                nextRequests);
    }

    CaseTrack withdrawn(Instant at) {
        return with(new CaseUpdate(caseNumber, CaseStatus.WITHDRAWN, null, at));
    }

    CaseTrack withMaterials(List<CaseMaterial> newMaterials) {
        return rebuilt(newMaterials, status, certificateNumber, statusAt, progress, suspensions, requests);
    }

    /** The open request answered with {@code added}, which the case gets. */
    CaseTrack answered(List<CaseMaterial> added, Instant at) {
        List<CaseMaterial> all = new ArrayList<>(materials);
        all.removeIf(m -> added.stream().anyMatch(a -> a.code().equals(m.code())));
        all.addAll(added);
        List<DepartmentRequest> next =
                requests.stream().map(r -> r.open() ? r.answered(at) : r).toList();
        return rebuilt(List.copyOf(all), status, certificateNumber, statusAt, progress, suspensions, next);
    }

    /** The same case (number, item, department, dependencies, time limit) with what changes over its life. */
    private CaseTrack rebuilt(
            List<CaseMaterial> materials,
            String status,
            String certificateNumber,
            Instant statusAt,
            Progress progress,
            List<Suspension> suspensions,
            List<DepartmentRequest> requests) {
        return new CaseTrack(
                caseNumber,
                itemCode,
                itemVersion,
                departmentCode,
                dependsOn,
                promisedWorkingDays,
                materials,
                status,
                certificateNumber,
                statusAt,
                progress,
                suspensions,
                requests);
    }
}
