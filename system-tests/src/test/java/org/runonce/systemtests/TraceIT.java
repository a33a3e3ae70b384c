package org.runonce.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opentelemetry.proto.trace.v1.Span.SpanKind;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.runonce.localstack.LocalPlatform;
import org.runonce.systemtests.OtlpReceiver.ReceivedSpan;
import tools.jackson.databind.JsonNode;

/**
 * One submission is one trace: a portal sends a recorded W3C {@code traceparent} with its submission, and the spans
 * the gateway, intake, approval and notification export (OTLP over HTTP, to {@link SharedPlatform#TRACES}) all carry
 * its trace id, linked parent to child across the gateway's hop and the Kafka records that intake's outbox relay sent.
 */
@ExtendWith(SharedPlatform.class)
class TraceIT {

    static final String INTAKE_TOPIC = "runonce.intake.v1";
    static final String APPROVAL_TOPIC = "runonce.approval.v1";
    static final Duration EVENTUALLY = Duration.ofMinutes(2);

    static LocalPlatform platform;
    static Portal portal;

    @BeforeAll
    static void startPlatform(LocalPlatform shared) {
        platform = shared;
        portal = new Portal(shared);
    }

    @Test
    void oneSubmissionIsOneTraceFromTheGatewayOverKafkaToApprovalAndNotification() {
        String applicant = portal.token("zhang.san");
        Map<String, Object> submission = new LinkedHashMap<>();
        submission.put("bundleCode", "company-startup");
        submission.put("applicant", Portal.person("张三", Portal.uniqueMailAddress("zhang.san"), null));
        submission.put("form", Portal.companyStartupForm());
        submission.put("materials", portal.documents(applicant, null, Portal.COMPANY_STARTUP_MATERIALS));

        Submitted submitted = submitTraced(applicant, submission);
        assertThat(submitted.application().path("status").asString()).isEqualTo("ACCEPTED");
        String number = submitted.application().path("number").asString();
        String trace = submitted.traceId();

        await().atMost(EVENTUALLY).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            List<ReceivedSpan> spans = SharedPlatform.TRACES.trace(trace);
            assertThat(spans)
                    .as("spans of trace %s", trace)
                    .extracting(ReceivedSpan::service)
                    .contains("gateway", "intake-service", "approval-service", "notification-service");

            // the gateway's call to intake is the parent of intake's server span
            List<String> gatewayCalls = spans.stream()
                    .filter(s -> s.service().equals("gateway") && s.kind() == SpanKind.SPAN_KIND_CLIENT)
                    .map(ReceivedSpan::spanId)
                    .toList();
            ReceivedSpan intakeServer = one(
                    spans,
                    s -> s.service().equals("intake-service")
                            && s.kind() == SpanKind.SPAN_KIND_SERVER
                            && gatewayCalls.contains(s.parentSpanId()));

            // intake's outbox relay sent the acceptance within the submission's trace, below the request's span
            List<ReceivedSpan> sends = spans.stream()
                    .filter(s -> s.service().equals("intake-service")
                            && s.kind() == SpanKind.SPAN_KIND_PRODUCER
                            && on(s, INTAKE_TOPIC))
                    .toList();
            assertThat(sends)
                    .as("intake's sends to %s in %s", INTAKE_TOPIC, spans)
                    .isNotEmpty();
            assertThat(sends)
                    .allSatisfy(send -> assertThat(ancestors(spans, send)).contains(intakeServer.spanId()));

            // approval and notification consumed those records as children of the sends
            List<String> sendIds = sends.stream().map(ReceivedSpan::spanId).toList();
            for (String consumer : List.of("approval-service", "notification-service")) {
                assertThat(spans)
                        .as("%s consuming %s in %s", consumer, INTAKE_TOPIC, spans)
                        .anySatisfy(s -> {
                            assertThat(s.service()).isEqualTo(consumer);
                            assertThat(s.kind()).isEqualTo(SpanKind.SPAN_KIND_CONSUMER);
                            assertThat(sendIds).contains(s.parentSpanId());
                        });
            }

            // approval's outbox sent the cases it opened while consuming the acceptance, and notification consumed
            // them: the trace goes on from one listener's transaction to the next service
            List<String> approvalSends = spans.stream()
                    .filter(s -> s.service().equals("approval-service")
                            && s.kind() == SpanKind.SPAN_KIND_PRODUCER
                            && on(s, APPROVAL_TOPIC)
                            && ancestors(spans, s).stream().anyMatch(sendIds::contains))
                    .map(ReceivedSpan::spanId)
                    .toList();
            assertThat(approvalSends)
                    .as("approval's sends to %s in %s", APPROVAL_TOPIC, spans)
                    .isNotEmpty();
            assertThat(spans)
                    .as("notification consuming %s in %s", APPROVAL_TOPIC, spans)
                    .anySatisfy(s -> {
                        assertThat(s.service()).isEqualTo("notification-service");
                        assertThat(s.kind()).isEqualTo(SpanKind.SPAN_KIND_CONSUMER);
                        assertThat(approvalSends).contains(s.parentSpanId());
                    });
        });

        // what one recorded submission costs in spans, per application (the report's figure for issue 14)
        System.out.println("trace " + trace + ": "
                + SharedPlatform.TRACES.trace(trace).stream()
                        .collect(java.util.stream.Collectors.groupingBy(
                                ReceivedSpan::service,
                                java.util.TreeMap::new,
                                java.util.stream.Collectors.counting())));

        // the trace id is in the log line approval wrote while consuming the acceptance
        await().atMost(EVENTUALLY)
                .untilAsserted(() -> assertThat(Files.readAllLines(platform.serviceLog(LocalPlatform.APPROVAL)))
                        .anySatisfy(line -> assertThat(line)
                                .contains("application " + number + ": opened cases")
                                .contains(trace)));
    }

    record Submitted(JsonNode application, String traceId) {}

    /**
     * Submits as a portal with OpenTelemetry would: a {@code traceparent} it chose, flagged as recorded. On a freshly
     * started platform the catalog reaches intake over Kafka a little after everything is ready, and until then
     * intake refuses with 422 {@code item-not-available}; each attempt is its own trace.
     */
    private static Submitted submitTraced(String token, Map<String, Object> body) {
        Submitted[] answer = {null};
        await().atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    String traceId = HexFormat.of().formatHex(randomBytes(16));
                    Http.Response response = portal.gateway.post(
                            Portal.APPLICATIONS,
                            token,
                            body,
                            Map.of(
                                    "Idempotency-Key",
                                    UUID.randomUUID().toString(),
                                    "traceparent",
                                    "00-" + traceId + "-" + HexFormat.of().formatHex(randomBytes(8)) + "-01"));
                    if (response.status() == 422 && response.body().contains("item-not-available")) {
                        return false;
                    }
                    answer[0] = new Submitted(response.json(201), traceId);
                    return true;
                });
        return answer[0];
    }

    private static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }

    private static ReceivedSpan one(List<ReceivedSpan> spans, Predicate<ReceivedSpan> condition) {
        List<ReceivedSpan> found = spans.stream().filter(condition).toList();
        assertThat(found).as("in %s", spans).hasSize(1);
        return found.getFirst();
    }

    private static boolean on(ReceivedSpan span, String topic) {
        return topic.equals(span.attributes().get("messaging.destination.name"))
                || span.name().startsWith(topic);
    }

    /** The span ids above {@code span} within the trace, nearest first. */
    private static List<String> ancestors(List<ReceivedSpan> spans, ReceivedSpan span) {
        List<String> above = new java.util.ArrayList<>();
        String parent = span.parentSpanId();
        while (!parent.isEmpty() && !above.contains(parent)) {
            above.add(parent);
            String id = parent;
            parent = spans.stream()
                    .filter(s -> s.spanId().equals(id))
                    .map(ReceivedSpan::parentSpanId)
                    .findFirst()
                    .orElse("");
        }
        return above;
    }
}
