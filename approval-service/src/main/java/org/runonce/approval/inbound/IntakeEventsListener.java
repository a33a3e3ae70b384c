package org.runonce.approval.inbound;

import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.runonce.approval.accountability.IntakeFacts;
import org.runonce.approval.cases.KeepingCaseFiles;
import org.runonce.approval.cases.OpenCases;
import org.runonce.approval.cases.OpeningCases;
import org.runonce.approval.cases.Withdrawing;
import org.runonce.approval.commitment.CommitmentApproval;
import org.runonce.contracts.Topics;
import org.runonce.contracts.intake.ApplicationAccepted;
import org.runonce.contracts.intake.ApplicationCompleted;
import org.runonce.contracts.intake.ApplicationEvaluated;
import org.runonce.contracts.intake.ApplicationMaterialsSupplied;
import org.runonce.contracts.intake.ApplicationPledgeOverdue;
import org.runonce.contracts.intake.ApplicationRatingFollowedUp;
import org.runonce.contracts.intake.ApplicationSupplementRequested;
import org.runonce.contracts.intake.ApplicationWithdrawn;
import org.runonce.starter.events.Events;
import org.runonce.starter.events.ProcessedEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accepted applications open their cases (their form and terms kept for the case file), withdrawn ones close them,
 * materials supplied later reach their cases, one-time notices go into the case file; each event once (processed-event mark in the same transaction as the cases), and opening is idempotent per case
 * number as well. Ratings, their follow-ups, visits and withdrawals without the applicant's confirmation go to
 * electronic supervision ({@link IntakeFacts}), each once under a consumer name of its own. Intake's other events are
 * not approval's business.
 */
@Component
class IntakeEventsListener {

    private static final Logger log = LoggerFactory.getLogger(IntakeEventsListener.class);

    private final Events events;
    private final ProcessedEvents processed;
    private final OpeningCases opening;
    private final Withdrawing withdrawing;
    private final KeepingCaseFiles files;
    private final IntakeFacts supervision;
    private final CommitmentApproval commitments;

    IntakeEventsListener(
            Events events,
            ProcessedEvents processed,
            OpeningCases opening,
            Withdrawing withdrawing,
            KeepingCaseFiles files,
            IntakeFacts supervision,
            CommitmentApproval commitments) {
        this.events = events;
        this.processed = processed;
        this.opening = opening;
        this.withdrawing = withdrawing;
        this.files = files;
        this.supervision = supervision;
        this.commitments = commitments;
    }

    /**
     * {@code runonce.approval.intake-consumers} threads, each with its share of the topic's partitions; an
     * application's events share one partition (the key is its number), so they are applied in order.
     */
    @KafkaListener(topics = Topics.INTAKE, concurrency = "${runonce.approval.intake-consumers:4}")
    @Transactional
    void on(ConsumerRecord<String, byte[]> record) {
        var event = events.read(record);
        switch (event.type()) {
            case ApplicationAccepted.TYPE ->
                processed.once("approval.open-cases", event, () -> {
                    var accepted =
                            events.convert(event, ApplicationAccepted.class).data();
                    files.accepted(accepted);
                    var opened = opening.open(openCases(accepted));
                    commitments.accepted(accepted);
                    log.info("application {}: opened cases {}", accepted.applicationNumber(), opened);
                });
            case ApplicationWithdrawn.TYPE -> {
                processed.once("approval.withdraw-cases", event, () -> {
                    var withdrawn =
                            events.convert(event, ApplicationWithdrawn.class).data();
                    withdrawing.withdrawApplication(withdrawn.applicationNumber(), withdrawn.reason());
                });
                processed.once(
                        "approval.supervision-withdrawn",
                        event,
                        () -> supervision.withdrawn(events.convert(event, ApplicationWithdrawn.class)
                                .data()));
            }
            case ApplicationEvaluated.TYPE ->
                processed.once(
                        "approval.supervision-evaluated",
                        event,
                        () -> supervision.evaluated(events.convert(event, ApplicationEvaluated.class)
                                .data()));
            case ApplicationRatingFollowedUp.TYPE ->
                processed.once(
                        "approval.supervision-followed-up",
                        event,
                        () -> supervision.followedUp(events.convert(event, ApplicationRatingFollowedUp.class)
                                .data()));
            case ApplicationPledgeOverdue.TYPE ->
                processed.once(
                        "approval.supervision-pledge-overdue",
                        event,
                        () -> supervision.pledgeOverdue(events.convert(event, ApplicationPledgeOverdue.class)
                                .data()));
            case ApplicationCompleted.TYPE ->
                processed.once(
                        "approval.supervision-completed",
                        event,
                        () -> supervision.completed(events.convert(event, ApplicationCompleted.class)
                                .data()));
            case ApplicationMaterialsSupplied.TYPE ->
                processed.once("approval.materials-supplied", event, () -> {
                    var supplied = events.convert(event, ApplicationMaterialsSupplied.class)
                            .data();
                    supplied.cases()
                            .forEach(c -> withdrawing.materialsSupplied(
                                    c.caseNumber(), c.materials() == null ? List.of() : c.materials()));
                });
            case ApplicationSupplementRequested.TYPE ->
                processed.once(
                        "approval.one-time-notice",
                        event,
                        () -> files.noticed(events.convert(event, ApplicationSupplementRequested.class)
                                .data()));
            default -> log.trace("intake event {} is not for approval", event.type());
        }
    }

    /** The acceptance as the command that opens its cases: the contract's own records, nothing re-derived. */
    static OpenCases openCases(ApplicationAccepted accepted) {
        return new OpenCases(
                accepted.applicationNumber(),
                accepted.bundleCode(),
                accepted.applicant(),
                accepted.region(),
                accepted.acceptedAt(),
                accepted.cases());
    }
}
