package org.runonce.starter.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.runonce.starter.app.Tokens.bearer;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.runonce.localstack.spring.WithLocalInfrastructure;
import org.runonce.starter.app.Notes;
import org.runonce.starter.app.StarterTestApplication;
import org.runonce.starter.app.Tokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Request ids and problem responses of the test application. */
@SpringBootTest(classes = StarterTestApplication.class)
@AutoConfigureMockMvc
@WithLocalInfrastructure
@ExtendWith(OutputCaptureExtension.class)
class WebIT {

    static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @Autowired
    MockMvc mvc;

    @Autowired
    Notes notes;

    static <T extends MockHttpServletRequestBuilder> T asReviewer(T request) {
        request.header(HttpHeaders.AUTHORIZATION, bearer(Tokens.user("li.si", "SAMR", "reviewer")));
        return request;
    }

    static MockHttpServletRequestBuilder postNote(String json) {
        return asReviewer(
                post("/api/test/notes").contentType(MediaType.APPLICATION_JSON).content(json));
    }

    @Test
    void theCallersRequestIdIsEchoedAndInTheLogLines(CapturedOutput output) throws Exception {
        mvc.perform(postNote("""
                        {"id": "n-logged", "text": "hello", "priority": 1}""").header("X-Request-Id", "req-42"))
                .andExpect(status().isCreated())
                .andExpect(header().string("X-Request-Id", "req-42"));

        assertThat(output).containsPattern("\\[req-42\\] .*li.si creates note n-logged");
    }

    @Test
    void theCallersTraceContinuesInTheServiceAndItsLogLines(CapturedOutput output) throws Exception {
        mvc.perform(postNote("""
                                {"id": "n-traced", "text": "hello", "priority": 1}""")
                        .header("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
                        .header("X-Request-Id", "req-43"))
                .andExpect(status().isCreated());

        // the service's own span (not the caller's) in the trace the caller began
        assertThat(output)
                .containsPattern("\\[4bf92f3577b34da6a3ce929d0e0e4736,(?!00f067aa0ba902b7)[0-9a-f]{16}\\] \\[req-43\\] "
                        + ".*li.si creates note n-traced");
    }

    @Test
    void aMissingOrUnacceptableRequestIdIsReplacedByAUuid() throws Exception {
        mvc.perform(get("/api/test/public/hello"))
                .andExpect(header().string("X-Request-Id", Matchers.matchesPattern(UUID_PATTERN)));
        mvc.perform(get("/api/test/public/hello").header("X-Request-Id", "evil\nlog line"))
                .andExpect(header().string("X-Request-Id", Matchers.matchesPattern(UUID_PATTERN)));
        mvc.perform(get("/api/test/whoami"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("X-Request-Id", Matchers.matchesPattern(UUID_PATTERN)));
    }

    @Test
    void aValidationErrorListsEveryInvalidField() throws Exception {
        mvc.perform(postNote("""
                        {"id": "far-too-long-for-an-id", "text": " ", "priority": 9}"""))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://runonce.org/problems/validation-failed"))
                .andExpect(jsonPath("$.detail").value("3 fields are invalid."))
                .andExpect(jsonPath("$.errors[*].field").value(Matchers.contains("id", "priority", "text")))
                .andExpect(
                        jsonPath("$.errors[*].message").value(Matchers.everyItem(Matchers.not(Matchers.emptyString()))))
                .andExpect(jsonPath("$.requestId").isNotEmpty());
    }

    @Test
    void malformedJsonAndTypeMismatchesAre400NotErrors() throws Exception {
        mvc.perform(postNote("{\"id\": \"x\", "))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://runonce.org/problems/malformed-request"));
        mvc.perform(postNote("""
                        {"id": "x", "text": "t", "priority": "high"}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://runonce.org/problems/malformed-request"));
        mvc.perform(asReviewer(get("/api/test/notes/not-a-number")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://runonce.org/problems/type-mismatch"))
                .andExpect(jsonPath("$.detail").value("'number' must be a long."));
    }

    @Test
    void urlsBuiltFromTheRequestNameWhatTheCallerUsedBehindTheGateway() throws Exception {
        mvc.perform(get("/api/test/public/self")
                        .header("X-Forwarded-Proto", "https")
                        .header("X-Forwarded-Host", "zwfw.example.gov.cn")
                        .header("X-Forwarded-Port", "443"))
                .andExpect(status().isOk())
                .andExpect(content().string("https://zwfw.example.gov.cn/api/test/public/self"));
    }

    @Test
    void aValueTheDatabaseRefusesIs400AndNothingIsStored() throws Exception {
        mvc.perform(postNote("""
                        {"id": "nul-1", "text": "a\\u0000b", "priority": 1}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://runonce.org/problems/invalid-value"))
                .andExpect(content().string(Matchers.not(Matchers.containsString("0x00"))));
        assertThat(notes.exists("nul-1")).isFalse();
    }

    @Test
    void aQueryValueOfTheWrongTypeIsAFieldErrorThatNamesNoJavaType() throws Exception {
        mvc.perform(asReviewer(get("/api/test/notes").param("page", "abc").param("open", "maybe")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://runonce.org/problems/validation-failed"))
                .andExpect(jsonPath("$.errors[0].field").value("open"))
                .andExpect(jsonPath("$.errors[0].message").value("must be true or false"))
                .andExpect(jsonPath("$.errors[0].code").value("TYPE_MISMATCH"))
                .andExpect(jsonPath("$.errors[1].field").value("page"))
                .andExpect(jsonPath("$.errors[1].message").value("must be a whole number"))
                .andExpect(content().string(Matchers.not(Matchers.containsString("java."))));
    }

    @Test
    void unknownPathsAndWrongMethodsAreTypedByStatus() throws Exception {
        mvc.perform(asReviewer(get("/api/test/nothing-here")))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://runonce.org/problems/not-found"));
        mvc.perform(asReviewer(post("/api/test/supervision")))
                .andExpect(status().isMethodNotAllowed())
                .andExpect(jsonPath("$.type").value("https://runonce.org/problems/method-not-allowed"));
    }

    @Test
    void aRefusalKeepsItsStatusTypeAndMembers() throws Exception {
        mvc.perform(asReviewer(get("/api/test/notes/7")))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://runonce.org/problems/note-not-found"))
                .andExpect(jsonPath("$.title").value("Note not found"))
                .andExpect(jsonPath("$.detail").value("No note 7"))
                .andExpect(jsonPath("$.number").value(7));
    }

    @Test
    void aRefusalFromInsideTheRequestBodyIsItsOwnProblemNotAMalformedRequest() throws Exception {
        mvc.perform(asReviewer(post("/api/test/labels")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"text": "a#b"}""")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://runonce.org/problems/label-invalid"))
                .andExpect(jsonPath("$.label").value("a#b"));
        mvc.perform(asReviewer(post("/api/test/labels")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{not json")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://runonce.org/problems/malformed-request"));
    }

    @Test
    void anUnexpectedErrorIsA500ProblemWithoutInternals() throws Exception {
        mvc.perform(asReviewer(get("/api/test/boom")))
                .andExpect(status().isInternalServerError())
                .andExpect(jsonPath("$.type").value("https://runonce.org/problems/internal-error"))
                .andExpect(content().string(Matchers.not(Matchers.containsString("secret internals"))))
                .andExpect(content().string(Matchers.not(Matchers.containsString("IllegalStateException"))));
    }

    @Test
    void noDatabaseConnectionInTimeIsA503ProblemToRetryLater() throws Exception {
        mvc.perform(asReviewer(get("/api/test/busy")))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "1"))
                .andExpect(jsonPath("$.type").value("https://runonce.org/problems/busy"))
                .andExpect(content().string(Matchers.not(Matchers.containsString("pool exhausted"))));
    }
}
