package org.runonce.approval.publication;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.runonce.contracts.catalog.Name;
import org.runonce.starter.jdbc.Jdbc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Published decisions in PostgreSQL: written once, never changed; searched on what was published only. */
@Repository
class Publications {

    private final JdbcClient jdbc;

    Publications(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Publishes a decision; a second publication of the same case changes nothing. */
    void add(PublishedDecision d, Instant now) {
        jdbc.sql("""
                        insert into published_decision (case_number, application_number, item_code, item_name_zh, item_name_en, department_code, outcome, decided_at, applicant_name,
                            applicant_type, certificate_number, certificate_type, published_at, search_text)
                        values (:case, :application, :item, :zh, :en, :department, :outcome, :decidedAt,
                            :applicant, :applicantType, :certificate, :certificateType, :now, :search)
                        on conflict (case_number) do nothing""")
                .param("case", d.caseNumber())
                .param("application", d.applicationNumber())
                .param("item", d.itemCode())
                .param("zh", d.itemName() == null ? null : d.itemName().zh())
                .param("en", d.itemName() == null ? null : d.itemName().en())
                .param("department", d.departmentCode())
                .param("outcome", d.outcome())
                .param("decidedAt", Jdbc.timestamp(d.decidedAt()))
                .param("applicant", d.applicant())
                .param("applicantType", d.applicantType())
                .param("certificate", d.certificateNumber())
                .param("certificateType", d.certificateType())
                .param("now", Jdbc.timestamp(now))
                .param("search", searchText(d))
                .update();
    }

    /** The published fields a search matches, lower case: never anything that was not published. */
    static String searchText(PublishedDecision d) {
        return Stream.of(
                        d.caseNumber(),
                        d.applicationNumber(),
                        d.itemCode(),
                        d.itemName() == null ? null : d.itemName().zh(),
                        d.itemName() == null ? null : d.itemName().en(),
                        d.departmentCode(),
                        d.outcome(),
                        d.applicant(),
                        d.certificateNumber(),
                        d.certificateType())
                .filter(Objects::nonNull)
                .map(s -> s.toLowerCase(Locale.ROOT))
                .collect(Collectors.joining("\n"));
    }

    PublishedDecision.Page search(PublicationQuery q) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new LinkedHashMap<>();
        if (q.q() != null && !q.q().isBlank()) {
            where.add("search_text like :pattern escape '\\'");
            params.put("pattern", "%" + escape(q.q().strip().toLowerCase(Locale.ROOT)) + "%");
        }
        if (q.department() != null) {
            where.add("department_code = :department");
            params.put("department", q.department());
        }
        if (q.item() != null) {
            where.add("item_code = :item");
            params.put("item", q.item());
        }
        if (q.outcome() != null) {
            where.add("outcome = :outcome");
            params.put("outcome", q.outcome());
        }
        String filter = where.isEmpty() ? "" : " where " + String.join(" and ", where);
        long total = jdbc.sql("select count(*) from published_decision" + filter)
                .params(params)
                .query(Long.class)
                .single();
        var items = jdbc.sql("select * from published_decision" + filter
                        + " order by decided_at desc, case_number limit :limit offset :offset")
                .params(params)
                .param("limit", q.size())
                .param("offset", (long) q.page() * q.size())
                .query(Publications::row)
                .list();
        return new PublishedDecision.Page(items, q.page(), q.size(), total);
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static PublishedDecision row(ResultSet rs, int n) throws SQLException {
        String zh = rs.getString("item_name_zh");
        return new PublishedDecision(
                rs.getString("case_number"),
                rs.getString("application_number"),
                rs.getString("item_code"),
                zh == null ? null : new Name(zh, rs.getString("item_name_en")),
                rs.getString("department_code"),
                rs.getString("outcome"),
                Jdbc.instant(rs, "decided_at"),
                rs.getString("applicant_name"),
                rs.getString("applicant_type"),
                rs.getString("certificate_number"),
                rs.getString("certificate_type"));
    }
}
