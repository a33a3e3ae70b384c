package org.runonce.intake.document;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.net.URI;
import java.util.UUID;
import org.runonce.starter.domain.Refusal;
import org.runonce.starter.security.Caller;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Uploading documents and reading them back. */
@RestController
@RequestMapping("/api/intake/documents")
@Tag(name = "Documents", description = "Uploaded materials: PDF, JPEG or PNG, checked against their bytes")
class DocumentController {

    private final Documents documents;

    DocumentController(Documents documents) {
        this.documents = documents;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAnyRole('applicant', 'window-clerk')")
    @Operation(
            summary = "Upload a document",
            description = "Multipart part `file`. The declared content type must be application/pdf, image/jpeg or"
                    + " image/png AND match the file's bytes; at most runonce.intake.documents.max-size (10 MB by"
                    + " default). A window clerk names the applicant it belongs to with `onBehalfOf` (their subject),"
                    + " or leaves it out for an applicant without an account. The answer carries the id to reference"
                    + " in an application's materials.")
    @ApiResponse(
            responseCode = "201",
            content =
                    @Content(
                            schema = @Schema(implementation = DocumentInfo.class),
                            examples = @ExampleObject(value = """
                    {"id": "5d1f3c9e-7a51-4a8e-b0a4-1f3c9e7a514a", "ownerSubject": "6c3e…", "uploadedBy": "6c3e…",
                     "filename": "articles.pdf", "contentType": "application/pdf", "size": 48213,
                     "sha256": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", "readable": true,
                     "createdAt": "2026-09-30T01:02:03Z"}""")))
    @ApiResponse(responseCode = "413", description = "document-too-large")
    @ApiResponse(responseCode = "415", description = "unsupported-document-type")
    @ApiResponse(responseCode = "422", description = "document-type-mismatch: the bytes are not what was declared")
    @ApiResponse(
            responseCode = "429",
            description = "upload-quota-exceeded: the applicant's uploads of the day are used up")
    ResponseEntity<DocumentInfo> upload(
            @RequestPart("file") MultipartFile file,
            @Parameter(description = "window clerks: subject of the applicant the document belongs to")
                    @RequestParam(required = false)
                    String onBehalfOf,
            Caller caller)
            throws IOException {
        String owner;
        if (caller.hasRole(Documents.WINDOW_CLERK)) {
            owner = onBehalfOf == null || onBehalfOf.isBlank() ? null : onBehalfOf.strip();
        } else if (onBehalfOf != null && !onBehalfOf.isBlank() && !onBehalfOf.equals(caller.subject())) {
            throw Refusal.forbidden(
                    "forbidden", "Forbidden", "Only window clerks upload documents on behalf of an applicant.");
        } else {
            owner = caller.subject();
        }
        long max = documents.maxSize();
        if (file.getSize() > max) {
            throw Documents.tooLarge(file.getSize(), max);
        }
        DocumentInfo info =
                documents.upload(file.getOriginalFilename(), file.getContentType(), file.getBytes(), caller, owner);
        return ResponseEntity.created(URI.create("/api/intake/documents/" + info.id()))
                .body(info);
    }

    @GetMapping(path = "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "A document's metadata",
            description = "For its owner, the window clerk who took it, and the reviewers, heads and systems of"
                    + " departments with a case that uses it, while the case's application runs and for"
                    + " runonce.intake.documents.grant-retention (200 days by default) after it ended; 404 for anyone"
                    + " else.")
    DocumentInfo metadata(@PathVariable UUID id, Caller caller) {
        return documents.readableBy(id, caller).orElseThrow(() -> notFound(id));
    }

    @GetMapping("/{id}/content")
    @Operation(summary = "A document's bytes", description = "Same readers as the metadata; sent as an attachment.")
    ResponseEntity<byte[]> content(@PathVariable UUID id, Caller caller) {
        DocumentInfo info = documents.readableBy(id, caller).orElseThrow(() -> notFound(id));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(info.contentType()))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(info.filename(), java.nio.charset.StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .header("X-Content-Type-Options", "nosniff")
                .eTag("\"" + info.sha256() + "\"")
                .body(documents.content(id));
    }

    static Refusal notFound(UUID id) {
        return new Refusal(404, "not-found", "Not found", "Document " + id + " not found.");
    }
}
