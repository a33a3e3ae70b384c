package org.runonce.intake.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.runonce.intake.IntakeIT;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;

/**
 * Uploads are checked (size, type against the bytes) and stored with their SHA-256; only the owner, the clerk who
 * took it and reviewers of departments with a case on the application read them; applicants never see another's
 * application.
 */
class DocumentsIT extends IntakeIT {

    @Test
    void anUploadIsStoredWithItsHashAndReadBackByItsOwner() throws Exception {
        RequestPostProcessor me = applicant(newSubject());
        String body = mvc.perform(multipart("/api/intake/documents")
                        .file(new MockMultipartFile("file", "C:\\scans\\章程.pdf", "application/pdf", PDF))
                        .with(me))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.contentType").value("application/pdf"))
                .andExpect(jsonPath("$.filename").value("章程.pdf"))
                .andExpect(jsonPath("$.readable").value(true))
                .andExpect(jsonPath("$.size").value(PDF.length))
                .andReturn()
                .getResponse()
                .getContentAsString();
        JsonNode document = json.readTree(body);
        String sha256 =
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(PDF));
        assertThat(document.get("sha256").asString()).isEqualTo(sha256);

        mvc.perform(get("/api/intake/documents/" + document.get("id").asString() + "/content")
                        .with(me))
                .andExpect(status().isOk())
                .andExpect(content().contentType("application/pdf"))
                .andExpect(content().bytes(PDF))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"));
    }

    @Test
    void oversizedUploadsAreRefused() throws Exception {
        byte[] big = new byte[1024 * 1024 + 1];
        System.arraycopy(PDF, 0, big, 0, PDF.length);
        mvc.perform(multipart("/api/intake/documents")
                        .file(new MockMultipartFile("file", "big.pdf", "application/pdf", big))
                        .with(applicant(newSubject())))
                .andExpect(status().isContentTooLarge())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.type").value("https://runonce.org/problems/document-too-large"))
                .andExpect(jsonPath("$.maxSize").value(1024 * 1024));
    }

    @Test
    void anApplicantsUploadsOfADayAreLimitedAndAnotherApplicantIsNotAffected() throws Exception {
        RequestPostProcessor me = applicant(newSubject());
        for (int i = 0; i < 60; i++) {
            mvc.perform(multipart("/api/intake/documents")
                            .file(new MockMultipartFile("file", "scan-" + i + ".pdf", "application/pdf", PDF))
                            .with(me))
                    .andExpect(status().isCreated());
        }
        mvc.perform(multipart("/api/intake/documents")
                        .file(new MockMultipartFile("file", "one-more.pdf", "application/pdf", PDF))
                        .with(me))
                .andExpect(status().isTooManyRequests())
                .andExpect(jsonPath("$.type").value("https://runonce.org/problems/upload-quota-exceeded"))
                .andExpect(jsonPath("$.dailyUploads").value(60));
        mvc.perform(multipart("/api/intake/documents")
                        .file(new MockMultipartFile("file", "mine.pdf", "application/pdf", PDF))
                        .with(applicant(newSubject())))
                .andExpect(status().isCreated());
    }

    @Test
    void mislabelledAndUnsupportedUploadsAreRefused() throws Exception {
        RequestPostProcessor me = applicant(newSubject());
        mvc.perform(multipart("/api/intake/documents")
                        .file(new MockMultipartFile("file", "scan.pdf", "application/pdf", PNG))
                        .with(me))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value("https://runonce.org/problems/document-type-mismatch"))
                .andExpect(jsonPath("$.declaredType").value("application/pdf"))
                .andExpect(jsonPath("$.detectedType").value("image/png"));
        mvc.perform(multipart("/api/intake/documents")
                        .file(new MockMultipartFile(
                                "file", "photo.jpg", "image/jpeg", "<script>alert(1)</script>".getBytes()))
                        .with(me))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value("https://runonce.org/problems/document-type-mismatch"));
        mvc.perform(multipart("/api/intake/documents")
                        .file(new MockMultipartFile("file", "notes.txt", "text/plain", "hello".getBytes()))
                        .with(me))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(jsonPath("$.type").value("https://runonce.org/problems/unsupported-document-type"));
    }

    @Test
    void applicantsCannotReadEachOthersApplicationsOrDocumentsButTheCasesDepartmentsCan() throws Exception {
        String a = newSubject();
        String b = newSubject();
        Map<String, Object> self = person("甲");
        RequestPostProcessor applicantA = applicant(a, self);
        Map<String, Object> other = person("乙");
        RequestPostProcessor applicantB = applicant(b, other);
        List<Map<String, Object>> materials = documents(applicantA, "ID_CARD", "TERMINATION_PROOF");
        String documentId = (String) materials.getFirst().get("documentId");
        String number = submit(
                        applicantA,
                        Map.of(
                                "itemCode",
                                "hrss-unemployment-benefit",
                                "applicant",
                                self,
                                "form",
                                Map.of("terminationDate", "2026-10-31"),
                                "materials",
                                materials),
                        201)
                .get("number")
                .asString();

        getJson(applicantA, "/api/intake/applications/" + number, 200);
        getJson(applicantB, "/api/intake/applications/" + number, 404);
        getJson(applicantB, "/api/intake/applications/" + number + "/receipt", 404);
        assertThat(getJson(applicantB, "/api/intake/applications", 200).findValuesAsString("number"))
                .doesNotContain(number);
        getJson(applicantB, "/api/intake/documents/" + documentId, 404);
        mvc.perform(get("/api/intake/documents/" + documentId + "/content").with(applicantB))
                .andExpect(status().isNotFound());
        postJson(applicantB, "/api/intake/applications/" + number + "/withdrawal", Map.of(), 404);

        // nor can B use A's document in an application of their own
        JsonNode problem = submit(
                applicantB,
                Map.of(
                        "itemCode",
                        "hrss-unemployment-benefit",
                        "applicant",
                        other,
                        "form",
                        Map.of("terminationDate", "2026-10-31"),
                        "materials",
                        List.of(Map.of("code", "ID_CARD", "documentId", documentId))),
                400);
        assertThat(problem.get("errors").findValuesAsString("field")).containsExactly("materials[0].documentId");

        // the department with a case on the application reads it, another department does not
        mvc.perform(get("/api/intake/documents/" + documentId + "/content").with(reviewer("reviewer-1", "HRSS")))
                .andExpect(status().isOk());
        mvc.perform(get("/api/intake/documents/" + documentId + "/content").with(reviewer("reviewer-2", "TAX")))
                .andExpect(status().isNotFound());
        // ...nor does its system; the case's department's system does
        mvc.perform(get("/api/intake/documents/" + documentId + "/content").with(departmentSystem("TAX")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/intake/documents/" + documentId + "/content").with(departmentSystem("HRSS")))
                .andExpect(status().isOk());
        getJson(departmentSystem("HRSS"), "/api/intake/applications/" + number, 404);
        getJson(reviewer("reviewer-1", "HRSS"), "/api/intake/applications/" + number, 404);
    }

    @Test
    void aClerkTakesADocumentForAnApplicantWhoThenReadsIt() throws Exception {
        String applicantSubject = newSubject();
        String body = mvc.perform(multipart("/api/intake/documents")
                        .file(new MockMultipartFile("file", "id.png", "image/png", PNG))
                        .param("onBehalfOf", applicantSubject)
                        .with(clerk("clerk-docs")))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String id = json.readTree(body).get("id").asString();

        getJson(applicant(applicantSubject), "/api/intake/documents/" + id, 200);
        getJson(clerk("clerk-docs"), "/api/intake/documents/" + id, 200);
        getJson(clerk("another-clerk"), "/api/intake/documents/" + id, 404);
    }
}
