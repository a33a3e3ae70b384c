package org.runonce.intake.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.runonce.intake.IntakeIT;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Idempotency-Key on submission, with real concurrency against PostgreSQL. */
class IdempotencyIT extends IntakeIT {

    @Test
    void eightConcurrentSubmissionsWithOneKeyCreateOneApplicationAndAllGetItsAnswer() throws Exception {
        String subject = newSubject();
        Map<String, Object> self = person("并发");
        RequestPostProcessor me = applicant(subject, self);
        String body = json.writeValueAsString(Map.of(
                "itemCode",
                "hrss-unemployment-benefit",
                "applicant",
                self,
                "form",
                Map.of("terminationDate", "2026-10-31"),
                "materials",
                documents(me, "ID_CARD", "TERMINATION_PROOF")));
        String key = UUID.randomUUID().toString();

        int threads = 8;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<MockHttpServletResponse>> futures = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            for (int i = 0; i < threads; i++) {
                Callable<MockHttpServletResponse> call = () -> {
                    start.await();
                    return mvc.perform(post("/api/intake/applications")
                                    .with(me)
                                    .header("Idempotency-Key", key)
                                    .contentType(MediaType.APPLICATION_JSON)
                                    .content(body))
                            .andReturn()
                            .getResponse();
                };
                futures.add(pool.submit(call));
            }
            start.countDown();
            List<MockHttpServletResponse> responses = new ArrayList<>();
            for (Future<MockHttpServletResponse> future : futures) {
                responses.add(future.get());
            }

            assertThat(responses).extracting(MockHttpServletResponse::getStatus).containsOnly(201);
            assertThat(responses)
                    .extracting(r -> r.getContentAsString())
                    .containsOnly(responses.getFirst().getContentAsString());
            assertThat(responses)
                    .extracting(r -> r.getHeader("Location"))
                    .containsOnly(responses.getFirst().getHeader("Location"));
            assertThat(responses)
                    .filteredOn(r -> "true".equals(r.getHeader("Idempotent-Replayed")))
                    .hasSize(threads - 1);
        }
        assertThat(jdbc.sql("select count(*) from application where applicant_subject = ?")
                        .param(subject)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);

        // the same key with another body is refused
        String other = body.replace("2026-10-31", "2026-10-30");
        var reused = mvc.perform(post("/api/intake/applications")
                        .with(me)
                        .header("Idempotency-Key", key)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(other))
                .andReturn()
                .getResponse();
        assertThat(reused.getStatus()).isEqualTo(422);
        assertThat(reused.getContentAsString()).contains("https://runonce.org/problems/idempotency-key-reused");

        // without a key, the same body is a new application
        submit(me, json.readValue(body, Map.class), 201);
        assertThat(jdbc.sql("select count(*) from application where applicant_subject = ?")
                        .param(subject)
                        .query(Integer.class)
                        .single())
                .isEqualTo(2);
    }

    @Test
    void aSupplementRepeatedWithItsKeyIsAppliedOnce() throws Exception {
        Map<String, Object> self = person("补正");
        RequestPostProcessor me = applicant(newSubject(), self);
        String number = submit(
                        me,
                        Map.of(
                                "itemCode",
                                "hrss-unemployment-benefit",
                                "applicant",
                                self,
                                "form",
                                Map.of("terminationDate", "2026-10-31"),
                                "materials",
                                documents(me, "ID_CARD")),
                        201)
                .get("number")
                .asString();
        String body = json.writeValueAsString(Map.of("materials", documents(me, "TERMINATION_PROOF")));
        String key = UUID.randomUUID().toString();

        List<String> answers = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            answers.add(mvc.perform(post("/api/intake/applications/" + number + "/supplements")
                            .with(me)
                            .header("Idempotency-Key", key)
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(body))
                    .andReturn()
                    .getResponse()
                    .getContentAsString());
        }
        assertThat(answers.get(1)).isEqualTo(answers.get(0));
        assertThat(json.readTree(answers.get(0)).get("status").asString()).isEqualTo("ACCEPTED");
    }
}
