package org.runonce.intake.document;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.runonce.intake.IntakeProperties;
import org.runonce.starter.domain.Refusal;
import org.runonce.starter.domain.Time;
import org.runonce.starter.jdbc.Jdbc;
import org.runonce.starter.security.Caller;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Uploading documents and deciding who may read them. */
@Service
public class Documents {

    static final String REVIEWER = "reviewer";
    static final String DEPARTMENT_HEAD = "department-head";
    static final String DEPARTMENT_SYSTEM = "department-system";
    static final String WINDOW_CLERK = "window-clerk";

    private final JdbcClient jdbc;
    private final DocumentStore store;
    private final Time time;
    private final IntakeProperties properties;

    Documents(JdbcClient jdbc, DocumentStore store, Time time, IntakeProperties properties) {
        this.jdbc = jdbc;
        this.store = store;
        this.time = time;
        this.properties = properties;
    }

    /**
     * Stores an upload after checking its size and that its bytes are what it claims to be.
     *
     * @param ownerSubject the applicant the document belongs to: the uploader online, or the applicant a clerk
     *     names (may be null for an applicant without an account)
     */
    @Transactional
    public DocumentInfo upload(
            String filename, String declaredType, byte[] bytes, Caller uploader, String ownerSubject) {
        long max = properties.documents().maxSize().toBytes();
        if (bytes.length > max) {
            throw tooLarge(bytes.length, max);
        }
        if (bytes.length == 0) {
            throw Refusal.unprocessable("document-empty", "Empty document", "The uploaded file is empty.");
        }
        DocumentType declared = DocumentType.ofMediaType(declaredType)
                .orElseThrow(() -> new Refusal(
                                415,
                                "unsupported-document-type",
                                "Unsupported document type",
                                "Upload PDF, JPEG or PNG documents; the file was declared as " + declaredType + ".")
                        .with("declaredType", declaredType)
                        .with("supportedTypes", supportedTypes()));
        DocumentType actual = DocumentType.detect(bytes).orElse(null);
        if (actual != declared) {
            throw Refusal.unprocessable(
                            "document-type-mismatch",
                            "Document type mismatch",
                            "The file was declared as " + declared.mediaType() + " but its content is "
                                    + (actual == null ? "none of PDF, JPEG or PNG" : actual.mediaType()) + ".")
                    .with("declaredType", declared.mediaType())
                    .with("detectedType", actual == null ? null : actual.mediaType());
        }
        withinQuota(ownerSubject != null ? ownerSubject : uploader.subject(), bytes.length);
        DocumentInfo info = new DocumentInfo(
                UUID.randomUUID(),
                ownerSubject,
                uploader.subject(),
                sanitize(filename),
                actual.mediaType(),
                bytes.length,
                sha256(bytes),
                actual.isComplete(bytes),
                time.now());
        jdbc.sql("""
                        insert into document (id, owner_subject, uploaded_by, filename, content_type, size_bytes, sha256,
                            readable, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        info.id(),
                        info.ownerSubject(),
                        info.uploadedBy(),
                        info.filename(),
                        info.contentType(),
                        info.size(),
                        info.sha256(),
                        info.readable(),
                        Jdbc.timestamp(info.createdAt()))
                .update();
        store.put(info.id(), bytes);
        return info;
    }

    /**
     * Refuses an upload that would take the applicant's documents of today past the daily count or bytes. Uploads for
     * one applicant are counted one transaction at a time (an advisory lock on the applicant), so two at once cannot
     * both slip under the limit.
     */
    private void withinQuota(String holder, long size) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext(?))")
                .param("document-quota:" + holder)
                .query((rs, row) -> 1)
                .list();
        Instant today = time.today().atStartOfDay(time.zone()).toInstant();
        long[] used = jdbc.sql("""
                        select count(*), coalesce(sum(size_bytes), 0) from document
                        where (owner_subject = ? or (owner_subject is null and uploaded_by = ?)) and created_at >= ?""")
                .params(holder, holder, Jdbc.timestamp(today))
                .query((rs, row) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .single();
        var limits = properties.documents();
        if (used[0] + 1 > limits.dailyUploads()
                || used[1] + size > limits.dailyBytes().toBytes()) {
            throw new Refusal(
                            429,
                            "upload-quota-exceeded",
                            "Upload quota exceeded",
                            "One applicant's documents may number " + limits.dailyUploads() + " and add up to "
                                    + limits.dailyBytes().toBytes() + " bytes a day; today's are used up. Try again"
                                    + " tomorrow, or reuse a document already uploaded.")
                    .with("dailyUploads", limits.dailyUploads())
                    .with("dailyBytes", limits.dailyBytes().toBytes())
                    .with("resetsAt", today.plus(Duration.ofDays(1)).toString());
        }
    }

    /** The largest upload accepted, in bytes. */
    public long maxSize() {
        return properties.documents().maxSize().toBytes();
    }

    static Refusal tooLarge(long size, long max) {
        return new Refusal(
                        413,
                        "document-too-large",
                        "Document too large",
                        "Documents may be at most " + max + " bytes"
                                + (size > 0 ? "; this one has " + size + "." : "."))
                .with("maxSize", max);
    }

    static List<String> supportedTypes() {
        return java.util.Arrays.stream(DocumentType.values())
                .map(DocumentType::mediaType)
                .toList();
    }

    /**
     * The documents with these ids that exist and may still be used, by id (for the completeness check; no access
     * decision): an expired upload nobody used ({@link UnusedDocuments}) is not found.
     */
    public Map<UUID, DocumentInfo> describe(Collection<UUID> ids) {
        Map<UUID, DocumentInfo> found = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        jdbc.sql("select * from document where id = any(?) and expired_at is null")
                .param(ids.toArray(UUID[]::new))
                .query(Documents::info)
                .list()
                .forEach(d -> found.put(d.id(), d));
        return found;
    }

    /**
     * The document if {@code caller} may read it: its owner, the clerk who took it, or a reviewer, department head or
     * department system of a department with a live grant on it (one of its cases uses it, and that case's
     * application is open or ended less than {@code documents.grant-retention} ago). Anyone else, an expired grant's
     * department included, learns nothing, not even that it exists.
     */
    public Optional<DocumentInfo> readableBy(UUID id, Caller caller) {
        Optional<DocumentInfo> document = jdbc.sql("select * from document where id = ?")
                .param(id)
                .query(Documents::info)
                .optional();
        return document.filter(d -> d.usableBy(caller.subject()) || departmentMayRead(d.id(), caller));
    }

    private boolean departmentMayRead(UUID id, Caller caller) {
        if (!(caller.hasRole(REVIEWER) || caller.hasRole(DEPARTMENT_HEAD) || caller.hasRole(DEPARTMENT_SYSTEM))
                || caller.department().isEmpty()) {
            return false;
        }
        return jdbc.sql("""
                        select exists (select 1 from document_grant where document_id = ? and department_code = ?
                                       and (expires_at is null or expires_at > ?))""")
                .params(id, caller.department().get(), Jdbc.timestamp(time.now()))
                .query(Boolean.class)
                .single();
    }

    public byte[] content(UUID id) {
        return store.get(id).orElseThrow(() -> new IllegalStateException("no content stored for document " + id));
    }

    /**
     * Lets each department read the documents its cases of this application use, until a retention after the
     * application ends ({@link #endGrants}): one statement, whatever the number of cases and documents.
     *
     * @param documentsByDepartment per department with a case on the application, the documents of its cases
     */
    public void grant(String applicationNumber, Map<String, ? extends Collection<UUID>> documentsByDepartment) {
        List<UUID> documentIds = new ArrayList<>();
        List<String> departmentCodes = new ArrayList<>();
        documentsByDepartment.forEach((department, ids) -> ids.forEach(id -> {
            documentIds.add(id);
            departmentCodes.add(department);
        }));
        if (documentIds.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        insert into document_grant (document_id, department_code, application_number)
                        select d, c, ? from unnest(?::uuid[], ?::text[]) as g (d, c)
                        on conflict do nothing""")
                .params(applicationNumber, documentIds.toArray(UUID[]::new), departmentCodes.toArray(String[]::new))
                .update();
    }

    /**
     * The application ended (completed, refused or withdrawn) at {@code endedAt}: its grants expire
     * {@code documents.grant-retention} later, time enough for a reconsideration (行政复议, 60 days) or a lawsuit
     * (行政诉讼, six months) about its decision. One statement, in the transaction of the change that ended it.
     */
    public void endGrants(String applicationNumber, Instant endedAt) {
        jdbc.sql("update document_grant set expires_at = ? where application_number = ? and expires_at is null")
                .params(Jdbc.timestamp(endedAt.plus(properties.documents().grantRetention())), applicationNumber)
                .update();
    }

    private static DocumentInfo info(ResultSet rs, int row) throws SQLException {
        return new DocumentInfo(
                rs.getObject("id", UUID.class),
                rs.getString("owner_subject"),
                rs.getString("uploaded_by"),
                rs.getString("filename"),
                rs.getString("content_type"),
                rs.getLong("size_bytes"),
                rs.getString("sha256"),
                rs.getBoolean("readable"),
                Jdbc.instant(rs, "created_at"));
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    /** Keeps the last path segment and drops control characters: the name is shown and used in downloads. */
    static String sanitize(String filename) {
        if (filename == null || filename.isBlank()) {
            return "document";
        }
        String name = filename.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1)
                .replaceAll("[\\p{Cntrl}\"]", "")
                .strip();
        if (name.length() > 200) {
            name = name.substring(name.length() - 200);
        }
        return name.isEmpty() ? "document" : name;
    }
}
