package org.runonce.notification.webhook;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.io.IOException;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpOptions;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.util.Timeout;
import org.runonce.contracts.CloudEvent;
import org.runonce.contracts.notification.WebhookSignatures;
import org.runonce.notification.NotificationProperties;
import org.runonce.starter.domain.Refusal;

/**
 * One delivery attempt: POST of the CloudEvent in structured mode ({@code Content-Type:
 * application/cloudevents+json}) with the signature headers, through the endpoint's circuit breaker, and the
 * validation handshake of a new subscription. What a hostile receiver cannot do:
 *
 * <ul>
 *   <li>lead the platform elsewhere by redirecting: redirects are not followed (a 3xx is a failed attempt);
 *   <li>make the platform call into its own network by changing its DNS answer after the subscription check (DNS
 *       rebinding): the client connects only to addresses resolved and checked by {@link
 *       CallbackUrls#checkedAddresses} for that very connection;
 *   <li>hold a sender by answering slowly: every exchange has a total deadline ({@code http.request-timeout}, from
 *       sending the request to the status line, however slowly the bytes trickle), after which it is aborted.
 * </ul>
 */
class WebhookSender implements AutoCloseable {

    /** Header naming the delivery, the same on every attempt of it. */
    static final String DELIVERY_HEADER = "X-RunOnce-Delivery";

    /** CloudEvents HTTP webhook validation (abuse protection): the sender's name, asked on subscribing. */
    static final String REQUEST_ORIGIN = "WebHook-Request-Origin";

    /** The receiver's answer to the validation handshake: the origin it accepts, or {@code *}. */
    static final String ALLOWED_ORIGIN = "WebHook-Allowed-Origin";

    private final CloseableHttpClient http;
    private final CallbackUrls urls;
    private final Duration deadline;
    private final CircuitBreakerRegistry breakers;
    private final String origin;
    private final ScheduledExecutorService deadlines = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("webhook-deadlines").daemon().factory());

    /**
     * @param breakers one breaker per endpoint ({@link Subscription#endpoint()})
     * @param origin this platform's name in the validation handshake
     */
    WebhookSender(
            CallbackUrls urls,
            NotificationProperties.Webhooks.Http timeouts,
            CircuitBreakerRegistry breakers,
            String origin) {
        this.urls = urls;
        this.deadline = timeouts.requestTimeout();
        this.breakers = breakers;
        this.origin = origin;
        var connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setDnsResolver(new CheckedResolver(urls))
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(timeouts.connectTimeout()))
                        .setSocketTimeout(Timeout.of(timeouts.requestTimeout()))
                        .build())
                .setMaxConnTotal(200)
                .setMaxConnPerRoute(4)
                .build();
        this.http = HttpClients.custom()
                .setConnectionManager(connections)
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setRedirectsEnabled(false)
                        .setResponseTimeout(Timeout.of(timeouts.requestTimeout()))
                        .build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .setUserAgent("RunOnce-Webhooks/1")
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

    /**
     * The validation handshake of the CloudEvents HTTP webhook specification: {@code OPTIONS} with {@value
     * #REQUEST_ORIGIN}; the endpoint must answer 2xx with {@value #ALLOWED_ORIGIN} naming this origin or {@code *}.
     *
     * @throws Refusal 422 {@code callback-handshake-failed} saying what the endpoint did instead
     */
    void handshake(URI callbackUrl) {
        var request = new HttpOptions(callbackUrl);
        request.setHeader(REQUEST_ORIGIN, origin);
        Exchange answer = exchange(request);
        String allowed = answer.allowedOrigin();
        if (answer.error() == null && (origin.equals(allowed) || "*".equals(allowed))) {
            return;
        }
        String what = answer.error() != null
                ? answer.error()
                : "it answered HTTP " + answer.status()
                        + (allowed == null ? " without " + ALLOWED_ORIGIN : " with " + ALLOWED_ORIGIN + ": " + allowed);
        throw Refusal.unprocessable(
                "callback-handshake-failed",
                "Callback URL did not confirm the subscription",
                "the endpoint must answer OPTIONS with " + REQUEST_ORIGIN + ": " + origin + " by 2xx and "
                        + ALLOWED_ORIGIN + ": " + origin + " (or *); " + what);
    }

    private Outcome post(Subscription subscription, Delivery delivery, Instant now) {
        URI uri;
        try {
            uri = urls.validate(subscription.callbackUrl());
        } catch (Refusal refused) {
            return new Outcome(null, refused.detail());
        }
        byte[] body = delivery.body().getBytes(StandardCharsets.UTF_8);
        String id = delivery.id().toString();
        long timestamp = now.getEpochSecond();
        var request = new HttpPost(uri);
        request.setHeader(DELIVERY_HEADER, id);
        request.setHeader(WebhookSignatures.HEADER, WebhookSignatures.sign(subscription.secret(), timestamp, body));
        request.setHeader(StandardWebhooks.ID, id);
        request.setHeader(StandardWebhooks.TIMESTAMP, Long.toString(timestamp));
        request.setHeader(
                StandardWebhooks.SIGNATURE, StandardWebhooks.sign(subscription.secret(), id, timestamp, body));
        request.setEntity(new ByteArrayEntity(body, ContentType.parse(CloudEvent.STRUCTURED_CONTENT_TYPE)));
        Exchange answer = exchange(request);
        if (answer.error() != null) {
            return new Outcome(answer.status(), answer.error());
        }
        int status = answer.status();
        return status >= 200 && status < 300 ? new Outcome(status, null) : new Outcome(status, "HTTP " + status);
    }

    /** What came back from one exchange; {@code error} is null for any status line, set without one. */
    private record Exchange(Integer status, String allowedOrigin, String error) {}

    /** One request under the total deadline; the response body is never read. */
    private Exchange exchange(HttpUriRequestBase request) {
        AtomicBoolean late = new AtomicBoolean();
        var abort = deadlines.schedule(
                () -> {
                    late.set(true);
                    request.cancel();
                },
                deadline.toMillis(),
                TimeUnit.MILLISECONDS);
        try {
            return http.execute(request, (ClassicHttpResponse response) -> {
                Header allowed = response.getFirstHeader(ALLOWED_ORIGIN);
                return new Exchange(response.getCode(), allowed == null ? null : allowed.getValue(), null);
            });
        } catch (CallbackUrls.RefusedAddress e) {
            return new Exchange(null, null, e.getMessage());
        } catch (IOException | RuntimeException e) {
            // the abort at the deadline, or the socket's own timeout (as long) when it fires first: both mean the same
            if (late.get() || e instanceof SocketTimeoutException) {
                return new Exchange(null, null, "no answer within " + deadline);
            }
            return new Exchange(null, null, e.getClass().getSimpleName() + ": " + e.getMessage());
        } finally {
            abort.cancel(false);
        }
    }

    @Override
    public void close() throws IOException {
        deadlines.shutdownNow();
        http.close();
    }

    /** The HTTP client's resolver: connections go only to addresses just resolved and checked. */
    private record CheckedResolver(CallbackUrls urls) implements DnsResolver {

        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            return urls.checkedAddresses(host);
        }

        @Override
        public String resolveCanonicalHostname(String host) {
            return host;
        }
    }

    /** What the breaker records for a failed attempt. */
    static final class WebhookFailed extends RuntimeException {
        WebhookFailed(String message) {
            super(message, null, false, false);
        }
    }
}
