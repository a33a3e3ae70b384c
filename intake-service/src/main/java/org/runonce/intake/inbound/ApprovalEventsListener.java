package org.runonce.intake.inbound;

import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.runonce.contracts.CloudEvent;
import org.runonce.contracts.Topics;
import org.runonce.contracts.approval.CaseClock;
import org.runonce.contracts.approval.CaseDecided;
import org.runonce.contracts.approval.CaseEvent;
import org.runonce.contracts.approval.CaseHeader;
import org.runonce.contracts.approval.CaseOpened;
import org.runonce.contracts.approval.CaseOverdue;
import org.runonce.contracts.approval.CaseResumed;
import org.runonce.contracts.approval.CaseStarted;
import org.runonce.contracts.approval.CaseSuspended;
import org.runonce.contracts.approval.CaseWarning;
import org.runonce.contracts.approval.CaseWithdrawn;
import org.runonce.contracts.approval.CertificateIssued;
import org.runonce.contracts.approval.CertificateRevoked;
import org.runonce.contracts.approval.ReviewStarted;
import org.runonce.contracts.approval.StepAdvanced;
import org.runonce.contracts.approval.SupplementRequested;
import org.runonce.intake.application.CaseTrack;
import org.runonce.intake.application.CaseUpdate;
import org.runonce.intake.application.FollowingApprovals;
import org.runonce.intake.certificate.IssuedCertificates;
import org.runonce.intake.certificate.RevokedCertificates;
import org.runonce.starter.events.Events;
import org.runonce.starter.events.ProcessedEvents;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/**
 * The approval service's events ({@code runonce.approval.v1}), read as the contract records of
 * {@code org.runonce.contracts.approval}:
 *
 * <ul>
 *   <li>every case event carries the case's status after it, so all move the application's progress view the same
 *       way ({@link FollowingApprovals}); a decision also carries its certificate number. Idempotent per event.
 *   <li>certificate revocations, in a consumer group of their own ({@value #REVOCATIONS}) that reads every
 *       partition beside the progress consumer: a revoked certificate is refused as a material from then on.
 * </ul>
 */
@Component
class ApprovalEventsListener {

    static final String CONSUMER = "intake.case-progress";
    static final String REVOCATIONS = "intake-service.revoked-certificates";
    static final String ISSUED = "intake-service.issued-certificates";

    private final Events events;
    private final ProcessedEvents processed;
    private final FollowingApprovals approvals;
    private final RevokedCertificates revoked;
    private final IssuedCertificates issued;

    ApprovalEventsListener(
            Events events,
            ProcessedEvents processed,
            FollowingApprovals approvals,
            RevokedCertificates revoked,
            IssuedCertificates issued) {
        this.events = events;
        this.processed = processed;
        this.approvals = approvals;
        this.revoked = revoked;
        this.issued = issued;
    }

    @KafkaListener(topics = Topics.APPROVAL)
    @Transactional
    void on(ConsumerRecord<String, byte[]> record) {
        CloudEvent<JsonNode> event = events.read(record);
        Class<? extends CaseEvent> type = caseEventType(event.type());
        if (type == null || event.data() == null) {
            return;
        }
        processed.once(CONSUMER, event, () -> approvals.caseProgressed(update(events.convert(event, type))));
    }

    @KafkaListener(id = REVOCATIONS, topics = Topics.APPROVAL)
    void onRevocation(ConsumerRecord<String, byte[]> record) {
        CloudEvent<JsonNode> event = events.read(record);
        if (!CertificateRevoked.TYPE.equals(event.type()) || event.data() == null) {
            return;
        }
        CertificateRevoked revocation =
                events.convert(event, CertificateRevoked.class).data();
        revoked.record(
                revocation.certificateNumber(),
                revocation.revokedAt() == null ? event.time() : revocation.revokedAt(),
                revocation.reason());
    }

    /** Issued certificates by holder, so a holder shares one from their wallet by number (idempotent insert). */
    @KafkaListener(id = ISSUED, topics = Topics.APPROVAL)
    void onIssued(ConsumerRecord<String, byte[]> record) {
        CloudEvent<JsonNode> event = events.read(record);
        if (!CertificateIssued.TYPE.equals(event.type()) || event.data() == null) {
            return;
        }
        CertificateIssued certificate =
                events.convert(event, CertificateIssued.class).data();
        issued.record(
                certificate.certificateNumber(),
                certificate.holder() == null ? null : certificate.holder().subject(),
                certificate.jws(),
                certificate.issuedAt() == null ? event.time() : certificate.issuedAt());
    }

    /**
     * What a case event says for the applicant's progress view: status, step, holder and clock after it; a
     * decision's certificate and time; a suspension, a resumption or a supplement request of the department.
     */
    static CaseUpdate update(CloudEvent<? extends CaseEvent> event) {
        CaseEvent data = event.data();
        CaseHeader header = data.header();
        Instant at = event.time();
        String certificate = null;
        CaseTrack.Suspension suspended = null;
        CaseUpdate.Resumed resumed = null;
        CaseTrack.DepartmentRequest request = null;
        switch (data) {
            case CaseDecided decided -> {
                certificate = decided.certificateNumber();
                at = decided.decidedAt() == null ? at : decided.decidedAt();
            }
            case CaseSuspended s ->
                suspended = new CaseTrack.Suspension(s.procedure(), s.reason(), at, s.expectedEnd(), null, null);
            case CaseResumed r -> resumed = new CaseUpdate.Resumed(r.pause(), r.pausedWorkingDays());
            case SupplementRequested r ->
                request = new CaseTrack.DepartmentRequest(
                        r.requestNumber(),
                        r.materials() == null
                                ? List.of()
                                : r.materials().stream()
                                        .map(m -> new CaseTrack.RequestedMaterial(m.code(), m.description()))
                                        .toList(),
                        r.reason(),
                        at,
                        null);
            default -> {}
        }
        return new CaseUpdate(
                data.caseNumber(), data.status(), certificate, at, progress(header), suspended, resumed, request);
    }

    private static CaseTrack.Progress progress(CaseHeader header) {
        CaseClock clock = header.clock();
        return new CaseTrack.Progress(
                header.step(),
                header.assignee(),
                clock == null ? null : clock.dueDate(),
                clock == null ? 0 : clock.workingDaysLeft(),
                clock != null && clock.running(),
                clock != null && clock.overdue());
    }

    /** The contract record of a case event type, or null for any other event of approval's. */
    static Class<? extends CaseEvent> caseEventType(String type) {
        return switch (type) {
            case CaseOpened.TYPE -> CaseOpened.class;
            case CaseStarted.TYPE -> CaseStarted.class;
            case ReviewStarted.TYPE -> ReviewStarted.class;
            case StepAdvanced.TYPE -> StepAdvanced.class;
            case SupplementRequested.TYPE -> SupplementRequested.class;
            case CaseSuspended.TYPE -> CaseSuspended.class;
            case CaseResumed.TYPE -> CaseResumed.class;
            case CaseDecided.TYPE -> CaseDecided.class;
            case CaseWithdrawn.TYPE -> CaseWithdrawn.class;
            case CaseWarning.TYPE -> CaseWarning.class;
            case CaseOverdue.TYPE -> CaseOverdue.class;
            default -> null;
        };
    }
}
