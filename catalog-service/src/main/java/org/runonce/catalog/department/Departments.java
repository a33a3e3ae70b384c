package org.runonce.catalog.department;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.runonce.catalog.Bilingual;
import org.runonce.starter.jdbc.Jdbc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** Departments in PostgreSQL. */
@Repository
class Departments {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    Departments(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public List<Department> all() {
        return jdbc.sql("select * from department order by code")
                .query(this::department)
                .list();
    }

    public Optional<Department> find(String code) {
        return jdbc.sql("select * from department where code = ?")
                .param(code)
                .query(this::department)
                .optional();
    }

    Optional<Department> findForUpdate(String code) {
        return jdbc.sql("select * from department where code = ? for update")
                .param(code)
                .query(this::department)
                .optional();
    }

    public boolean exists(String code) {
        return jdbc.sql("select count(*) from department where code = ?")
                        .param(code)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    void save(Department department) {
        jdbc.sql("""
                        insert into department (code, name_zh, name_en, region_code, contact, revision, updated_at)
                        values (:code, :zh, :en, :region, cast(:contact as jsonb), :revision, :updated)
                        on conflict (code) do update set name_zh = excluded.name_zh, name_en = excluded.name_en,
                            region_code = excluded.region_code, contact = excluded.contact,
                            revision = excluded.revision, updated_at = excluded.updated_at
                        """)
                .param("code", department.code())
                .param("zh", department.name().zh())
                .param("en", department.name().en())
                .param("region", department.regionCode())
                .param("contact", json.writeValueAsString(department.contact()))
                .param("revision", department.revision())
                .param("updated", Jdbc.timestamp(department.updatedAt()))
                .update();
    }

    private Department department(ResultSet rs, int row) throws SQLException {
        return Department.restore(
                rs.getString("code"),
                Bilingual.name(rs.getString("name_zh"), rs.getString("name_en")),
                rs.getString("region_code"),
                json.readValue(rs.getString("contact"), Contact.class),
                rs.getInt("revision"),
                Jdbc.instant(rs, "updated_at"));
    }
}
