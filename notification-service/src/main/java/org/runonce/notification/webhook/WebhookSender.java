package org.runonce.notification.webhook;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.runonce.contracts.CloudEvent;
import org.runonce.contracts.notification.WebhookSignatures;
import org.runonce.notification.NotificationProperties;
import org.runonce.starter.domain.Refusal;

/**
 * One delivery attempt: POST of the CloudEvent in structured mode ({@code Content-Type:
 * application/cloudevents+json}) with the signature header, through the endpoint's circuit breaker. Redirects are
 * not followed (they could lead past the URL check); any 2xx is success.
 */
class WebhookSender {

    /** Header naming the delivery, the same on every attempt of it. */
    static final String DELIVERY_HEADER = "X-RunOnce-Delivery";

    private final HttpClient http;
    private final CallbackUrls urls;
    private final NotificationProperties.Webhooks.Http timeouts;
    private final CircuitBreakerRegistry breakers;

    /** @param breakers one breaker per endpoint ({@link Subscription#endpoint()}) */
    WebhookSender(CallbackUrls urls, NotificationProperties.Webhooks.Http timeouts, CircuitBreakerRegistry breakers) {
        this.urls = urls;
        this.timeouts = timeouts;
        this.breakers = breakers;
        this.http = HttpClient.newBuilder()
                .connectTimeout(timeouts.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /**
     * The outcome of an attempt.
     *
     * @param status HTTP status, null without a response
     * @param error null on success
     * @param postponed not attempted: the endpoint's breaker is open
     */
    record Outcome(Integer status, String error, boolean postponed) {

        static final Outcome POSTPONED = new Outcome(null, "circuit breaker open", true);

        Outcome(Integer status, String error) {
            this(status, error, false);
        }

        boolean succeeded() {
            return error == null;
        }
    }

    /** Sends the delivery unless the endpoint's breaker is open, and tells the breaker how it went. */
    Outcome send(Subscription subscription, Delivery delivery, Instant now) {
        CircuitBreaker breaker = breakers.circuitBreaker(subscription.endpoint());
        if (!breaker.tryAcquirePermission()) {
            return Outcome.POSTPONED;
        }
        long start = System.nanoTime();
        Outcome outcome = post(subscription, delivery, now);
        long took = System.nanoTime() - start;
        if (outcome.succeeded()) {
            breaker.onSuccess(took, TimeUnit.NANOSECONDS);
        } else {
            breaker.onError(took, TimeUnit.NANOSECONDS, new WebhookFailed(outcome.error()));
        }
        return outcome;
    }

    private Outcome post(Subscription subscription, Delivery delivery, Instant now) {
        URI uri;
        try {
            uri = urls.validate(subscription.callbackUrl());
        } catch (Refusal refused) {
            return new Outcome(null, refused.detail());
        }
        byte[] body = delivery.body().getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(timeouts.requestTimeout())
                .header("Content-Type", CloudEvent.STRUCTURED_CONTENT_TYPE)
                .header("User-Agent", "RunOnce-Webhooks/1")
                .header(DELIVERY_HEADER, delivery.id().toString())
                .header(
                        WebhookSignatures.HEADER,
                        WebhookSignatures.sign(subscription.secret(), now.getEpochSecond(), body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        try {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            int status = response.statusCode();
            return status >= 200 && status < 300 ? new Outcome(status, null) : new Outcome(status, "HTTP " + status);
        } catch (IOException | RuntimeException e) {
            return new Outcome(null, e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(null, "interrupted");
        }
    }

    /** What the breaker records for a failed attempt. */
    static final class WebhookFailed extends RuntimeException {
        WebhookFailed(String message) {
            super(message, null, false, false);
        }
    }
}
