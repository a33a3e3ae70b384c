package org.runonce.notification.notice;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.runonce.contracts.CloudEvent;
import org.runonce.contracts.intake.ApplicationAccepted;
import org.runonce.contracts.notification.NoticeSent;
import org.runonce.notification.notice.Notice.Channel;
import org.runonce.starter.domain.Time;
import org.runonce.starter.events.Events;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/**
 * Turns platform events into notices to the applicant: one per event and channel (e-mail if known, SMS if a phone
 * number is known, the inbox if the applicant has an account), in the applicant's language. E-mail and SMS are sent
 * after commit by {@link NoticeSender}; the inbox notice is there at once.
 */
@Service
public class ApplicantNotices {

    private static final Logger log = LoggerFactory.getLogger(ApplicantNotices.class);

    private final Notices notices;
    private final Templates templates;
    private final Events events;
    private final Time time;

    ApplicantNotices(Notices notices, Templates templates, Events events, Time time) {
        this.notices = notices;
        this.templates = templates;
        this.events = events;
        this.time = time;
    }

    /**
     * Whether the applicant hears of events of this type: the consumer passes the others over before any
     * transaction (issue 14). Their contact is not kept from them either: every intake event that makes a notice
     * carries the applicant itself (accepted, refused, one-time notice, completed, ...), and approval's events come
     * after the acceptance that stored it (or wait for it, {@code notice_awaiting_contact}); {@code submitted} alone
     * cost five statements for a contact the acceptance writes again.
     */
    public boolean concerns(CloudEvent<JsonNode> event) {
        return NoticeRules.types().contains(event.type());
    }

    /**
     * Keeps the applicant's contact from the event and queues its notices, in the caller's transaction.
     *
     * @return how many notices were created (none for an event the applicant does not hear about, or a repeated one)
     */
    @Transactional
    public int handle(CloudEvent<JsonNode> event) {
        return notices(event).size();
    }

    List<Notice> notices(CloudEvent<JsonNode> event) {
        JsonNode data = event.data();
        NoticeFacts facts = NoticeFacts.of(data);
        String applicationNumber = facts.applicationNumber();
        Contact fromEvent = facts.applicant() == null ? null : Contact.from(facts.applicant());
        List<Notice> created = new ArrayList<>();
        if (fromEvent != null && applicationNumber != null) {
            notices.saveContact(applicationNumber, fromEvent, time.now());
            // events that came before the contact (another topic overtook intake's): their notices now
            for (String held : notices.takeAwaitingContact(applicationNumber)) {
                created.addAll(notices(events.read(held.getBytes(StandardCharsets.UTF_8), JsonNode.class)));
            }
        }
        var template = NoticeRules.templateOf(event.type(), facts);
        if (template.isEmpty()) {
            return created;
        }
        Contact contact = fromEvent != null
                ? fromEvent
                : facts.complainant() != null
                        ? Contact.of(facts.complainant())
                        : facts.complainantSubject() != null
                                ? Contact.inboxOf(facts.complainantSubject())
                                : applicationNumber == null
                                        ? null
                                        : notices.contactOf(applicationNumber).orElse(null);
        if (contact == null) {
            if (applicationNumber == null) {
                log.warn("Event {} ({}) names no application: not notified", event.id(), event.type());
                return created;
            }
            // kept, not dropped: notified when intake's event with the applicant's contact arrives
            notices.awaitContact(
                    event.id(),
                    event.type(),
                    applicationNumber,
                    new String(events.write(event), StandardCharsets.UTF_8),
                    time.now());
            log.info(
                    "No contact for application {} yet: event {} ({}) kept until it arrives",
                    applicationNumber,
                    event.id(),
                    event.type());
            return created;
        }
        Language language = contact.language();
        var rendered = templates.render(template.get(), language, data, extras(event, facts, contact, language));
        var notice = new Draft(event, template.get(), applicationNumber, contact, rendered, time.now());
        if (contact.email() != null) {
            add(created, notice, Channel.EMAIL, contact.email(), rendered.body());
        }
        if (contact.phone() != null) {
            add(created, notice, Channel.SMS, contact.phone(), rendered.sms());
        }
        if (contact.subject() != null) {
            add(created, notice, Channel.INBOX, null, rendered.body());
        }
        return created;
    }

    /** What the notices of one event share, whatever the channel. */
    private record Draft(
            CloudEvent<JsonNode> event,
            String template,
            String applicationNumber,
            Contact contact,
            Templates.Rendered rendered,
            Instant now) {}

    private void add(List<Notice> created, Draft draft, Channel channel, String recipient, String body) {
        boolean inbox = channel == Channel.INBOX;
        Instant now = draft.now();
        var notice = new Notice(
                UUID.randomUUID(),
                draft.event().id(),
                draft.event().type(),
                channel,
                draft.template(),
                draft.applicationNumber(),
                draft.contact().subject(),
                recipient,
                draft.contact().language().tag(),
                draft.rendered().title(),
                body,
                inbox ? "SENT" : "PENDING",
                0,
                now,
                inbox ? now : null,
                null);
        if (notices.add(notice)) {
            created.add(notice);
            if (inbox) {
                announce(notice, now);
            }
        }
    }

    void announce(Notice notice, Instant sentAt) {
        events.publish(
                NoticeSent.TYPE,
                notice.id().toString(),
                new NoticeSent(
                        notice.id().toString(),
                        notice.eventId(),
                        notice.eventType(),
                        notice.applicationNumber(),
                        notice.template(),
                        notice.channel().name(),
                        notice.locale(),
                        sentAt));
    }

    /** Values a template needs that are not fields of the event's data as they are. */
    private Map<String, String> extras(
            CloudEvent<JsonNode> event, NoticeFacts facts, Contact contact, Language language) {
        var extras = new HashMap<String, String>();
        extras.put(
                "applicantName",
                contact.name() != null ? contact.name() : language == Language.EN ? "applicant" : "申请人");
        extras.put("acceptedOn", date(facts.acceptedAt() != null ? facts.acceptedAt() : event.time()));
        if (facts.decidedAt() != null) {
            extras.put("decidedAt", date(facts.decidedAt()));
        }
        extras.put("deliveredOn", date(event.time()));
        if (event.type().equals(ApplicationAccepted.TYPE)) {
            extras.put(
                    "pledgeNote",
                    facts.acceptedWithDeficiencies()
                            ? templates.part("accepted", "pledge", language, event.data(), Map.of())
                            : "");
        }
        return extras;
    }

    /** The calendar day of an instant in the platform's zone ({@code runonce.zone}). */
    private String date(Instant instant) {
        return time.dayOf(instant == null ? time.now() : instant).toString();
    }
}
