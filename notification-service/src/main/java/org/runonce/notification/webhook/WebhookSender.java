package org.runonce.notification.webhook;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.runonce.contracts.CloudEvent;
import org.runonce.contracts.notification.WebhookSignatures;
import org.runonce.starter.web.ProblemException;

/**
 * One delivery attempt: POST of the CloudEvent in structured mode ({@code Content-Type:
 * application/cloudevents+json}) with the signature header. Redirects are not followed (they could lead past the
 * URL check); any 2xx is success.
 */
class WebhookSender {

    /** Header naming the delivery, the same on every attempt of it. */
    static final String DELIVERY_HEADER = "X-RunOnce-Delivery";

    private final HttpClient http;
    private final CallbackUrls urls;
    private final WebhookProperties.Http timeouts;

    WebhookSender(CallbackUrls urls, WebhookProperties.Http timeouts) {
        this.urls = urls;
        this.timeouts = timeouts;
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
     */
    record Outcome(Integer status, String error) {
        boolean succeeded() {
            return error == null;
        }
    }

    Outcome send(Subscription subscription, Delivery delivery, Instant now) {
        URI uri;
        try {
            uri = urls.validate(subscription.callbackUrl());
        } catch (ProblemException refused) {
            return new Outcome(null, refused.getBody().getDetail());
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
}
