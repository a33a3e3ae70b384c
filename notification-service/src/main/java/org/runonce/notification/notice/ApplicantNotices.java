package org.runonce.notification.notice;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.runonce.contracts.CloudEvent;
import org.runonce.contracts.notification.NoticeSent;
import org.runonce.notification.notice.Notice.Channel;
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
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final Notices notices;
    private final Templates templates;
    private final Events events;
    private final Clock clock;

    ApplicantNotices(Notices notices, Templates templates, Events events, Clock clock) {
        this.notices = notices;
        this.templates = templates;
        this.events = events;
        this.clock = clock;
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
        String applicationNumber = NoticeRules.text(data, "applicationNumber", null);
        Contact fromEvent = data == null ? null : Contact.from(data.get("applicant"));
        if (fromEvent != null && applicationNumber != null) {
            notices.saveContact(applicationNumber, fromEvent, clock.instant());
        }
        var template = NoticeRules.templateOf(event.type(), data);
        if (template.isEmpty()) {
            return List.of();
        }
        Contact contact = fromEvent != null
                ? fromEvent
                : applicationNumber == null
                        ? null
                        : notices.contactOf(applicationNumber).orElse(null);
        if (contact == null) {
            log.warn(
                    "No contact for application {}: event {} ({}) not notified",
                    applicationNumber,
                    event.id(),
                    event.type());
            return List.of();
        }
        Language language = contact.language();
        Instant now = clock.instant();
        var rendered = templates.render(template.get(), language, data, extras(event, contact, language));
        List<Notice> created = new ArrayList<>();
        if (contact.email() != null) {
            add(
                    created,
                    event,
                    Channel.EMAIL,
                    template.get(),
                    applicationNumber,
                    contact,
                    contact.email(),
                    rendered.title(),
                    rendered.body(),
                    now);
        }
        if (contact.phone() != null) {
            add(
                    created,
                    event,
                    Channel.SMS,
                    template.get(),
                    applicationNumber,
                    contact,
                    contact.phone(),
                    rendered.title(),
                    rendered.sms(),
                    now);
        }
        if (contact.subject() != null) {
            add(
                    created,
                    event,
                    Channel.INBOX,
                    template.get(),
                    applicationNumber,
                    contact,
                    null,
                    rendered.title(),
                    rendered.body(),
                    now);
        }
        return created;
    }

    private void add(
            List<Notice> created,
            CloudEvent<JsonNode> event,
            Channel channel,
            String template,
            String applicationNumber,
            Contact contact,
            String recipient,
            String title,
            String body,
            Instant now) {
        boolean inbox = channel == Channel.INBOX;
        var notice = new Notice(
                UUID.randomUUID(),
                event.id(),
                event.type(),
                channel,
                template,
                applicationNumber,
                contact.subject(),
                recipient,
                contact.language().tag(),
                title,
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
    private Map<String, String> extras(CloudEvent<JsonNode> event, Contact contact, Language language) {
        JsonNode data = event.data();
        var extras = new HashMap<String, String>();
        extras.put(
                "applicantName",
                contact.name() != null ? contact.name() : language == Language.EN ? "applicant" : "申请人");
        Instant accepted = instant(data, "acceptedAt");
        extras.put("acceptedOn", date(accepted != null ? accepted : event.time()));
        Instant decided = instant(data, "decidedAt");
        if (decided != null) {
            extras.put("decidedAt", date(decided));
        }
        if (event.type().equals(NoticeRules.ACCEPTED)) {
            boolean withDeficiencies = data != null
                    && data.get("withDeficiencies") != null
                    && data.get("withDeficiencies").asBoolean();
            extras.put(
                    "pledgeNote",
                    withDeficiencies ? templates.part("accepted", "pledge", language, data, Map.of()) : "");
        }
        return extras;
    }

    private static Instant instant(JsonNode data, String field) {
        String text = NoticeRules.text(data, field, null);
        return text == null ? null : Instant.parse(text);
    }

    private static String date(Instant instant) {
        return LocalDate.ofInstant(instant == null ? Instant.now() : instant, CHINA)
                .toString();
    }
}
