package org.runonce.notification.webhook;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.runonce.contracts.CloudEvent;
import org.runonce.notification.NotificationProperties;
import org.runonce.notification.webhook.Delivery.State;
import org.runonce.starter.domain.Refusal;
import org.runonce.starter.domain.Time;
import org.runonce.starter.events.Events;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/** Subscriptions of department systems and the deliveries of events to them. */
@Service
public class Webhooks {

    private final Subscriptions subscriptions;
    private final DepartmentViews views;
    private final Deliveries deliveries;
    private final CallbackUrls urls;
    private final WebhookSender sender;
    private final Events events;
    private final Time time;
    private final int maxPerDepartment;

    Webhooks(
            Subscriptions subscriptions,
            DepartmentViews views,
            Deliveries deliveries,
            CallbackUrls urls,
            WebhookSender sender,
            Events events,
            Time time,
            NotificationProperties properties) {
        this.subscriptions = subscriptions;
        this.views = views;
        this.deliveries = deliveries;
        this.urls = urls;
        this.sender = sender;
        this.events = events;
        this.time = time;
        this.maxPerDepartment = properties.webhooks().maxSubscriptionsPerDepartment();
    }

    /**
     * Queues the event for every active subscription of its department that wants its type, in the caller's
     * transaction (the consumer's, which also marks the event processed). Intake's events about an accepted
     * application go to each department concerned as that department's view ({@link DepartmentViews}); other events
     * without a department go to nobody.
     *
     * @return deliveries created
     */
    @Transactional
    public int fanOut(CloudEvent<JsonNode> event) {
        return deliver(plan(event));
    }

    /**
     * Who wants the event: each department's view of it with the active subscriptions of that department wanting its
     * type; empty when nobody does. Needs no transaction (the consumer asks before it opens one, so an event nobody
     * subscribes to costs one query per department concerned and no processed mark); records the case-to-department
     * map of an accepted application on the way (idempotent).
     */
    public Fanout plan(CloudEvent<JsonNode> event) {
        List<Fanout.Target> targets = new java.util.ArrayList<>();
        for (CloudEvent<JsonNode> view : views.of(event)) {
            List<Subscription> wanting = subscriptions.activeOf(view.department()).stream()
                    .filter(subscription -> subscription.wants(view.type()))
                    .toList();
            if (!wanting.isEmpty()) {
                targets.add(new Fanout.Target(view, wanting));
            }
        }
        return new Fanout(List.copyOf(targets));
    }

    /** The deliveries of a {@link #plan}, in the caller's transaction (the consumer's, with its processed mark). */
    @Transactional
    public int deliver(Fanout plan) {
        int created = 0;
        for (Fanout.Target target : plan.targets()) {
            CloudEvent<JsonNode> event = target.view();
            String body = new String(events.write(event), StandardCharsets.UTF_8);
            for (Subscription subscription : target.subscriptions()) {
                if (deliveries.add(subscription.id(), event.id(), event.type(), event.subject(), body, time.now())) {
                    created++;
                }
            }
        }
        return created;
    }

    /** The subscriptions an event goes to, per department view; see {@link #plan}. */
    public record Fanout(List<Target> targets) {

        /** One department's view and its subscriptions wanting it. */
        record Target(CloudEvent<JsonNode> view, List<Subscription> subscriptions) {}

        /** Whether nobody wants the event. */
        public boolean isEmpty() {
            return targets.isEmpty();
        }
    }

    /**
     * A new subscription once its URL passed the checks and the endpoint confirmed it (validation handshake, outside
     * any transaction: the endpoint may take its time), within the department's limit.
     *
     * @throws Refusal 400 {@code invalid-callback-url}, 422 {@code callback-handshake-failed}, 409
     *     {@code subscription-limit}
     */
    Subscription subscribe(
            String department, String clientId, String callbackUrl, List<String> eventTypes, String secret) {
        URI checked = urls.validate(callbackUrl);
        sender.handshake(checked);
        String url = checked.toString();
        var subscription = new Subscription(
                UUID.randomUUID(),
                department,
                clientId,
                url,
                eventTypes.stream().map(String::strip).distinct().toList(),
                secret,
                true,
                time.now(),
                null);
        subscriptions.addWithinLimit(subscription, maxPerDepartment);
        return subscription;
    }

    @Transactional(readOnly = true)
    List<Subscription> of(String department) {
        return subscriptions.ofDepartment(department);
    }

    /** The subscription if it belongs to the department; 404 otherwise (another department's do not exist for it). */
    @Transactional(readOnly = true)
    Subscription get(String department, UUID id) {
        return subscriptions
                .find(id)
                .filter(s -> s.department().equals(department))
                .orElseThrow(() -> Refusal.notFound("subscription", id));
    }

    @Transactional
    Subscription deactivate(String department, UUID id) {
        get(department, id);
        subscriptions.deactivate(id, time.now());
        return get(department, id);
    }

    @Transactional(readOnly = true)
    List<Delivery> log(String department, UUID subscriptionId, State state, int limit) {
        get(department, subscriptionId);
        return deliveries.log(subscriptionId, state, limit);
    }

    @Transactional
    Delivery redeliver(String department, UUID subscriptionId, UUID deliveryId) {
        get(department, subscriptionId);
        if (!deliveries.redeliver(subscriptionId, deliveryId, time.now())) {
            throw Refusal.notFound("delivery", deliveryId);
        }
        return deliveries.find(deliveryId).orElseThrow();
    }

    @Transactional
    int redeliverAll(String department, UUID subscriptionId, State state) {
        get(department, subscriptionId);
        return deliveries.redeliverAll(subscriptionId, state, time.now());
    }
}
