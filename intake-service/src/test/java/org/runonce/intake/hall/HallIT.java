package org.runonce.intake.hall;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.runonce.intake.IntakeIT;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;

/**
 * The hall's ITs: a service point of their own (code {@code it-...}, region 330106 so that the province's calendar
 * 330000 applies), whose COMPANY category takes a capacity the test chooses; weekday hours 09:00-12:00 and
 * 13:30-17:00, extended 12:00-13:30, Saturday mornings.
 */
abstract class HallIT extends IntakeIT {

    static final String HALL = "/api/intake/hall";

    @Autowired
    NoShowWatch noShows;

    /** A new service point with COMPANY (C, {@code capacity} per slot) and COMPREHENSIVE (A, any item) windows. */
    String newPoint(int capacity) {
        String code = "it-" + UUID.randomUUID().toString().substring(0, 8);
        jdbc.sql("""
                        insert into hall_service_point (code, name_zh, name_en, level, region, address, slot_minutes, hours)
                        values (?, '测试服务中心', 'Test service centre', 'COUNTY', '330106', '测试路1号', 30, cast(? as jsonb))
                        """).params(code, """
                        {"workingDays": [{"from": "09:00", "to": "12:00"}, {"from": "13:30", "to": "17:00"}],
                         "extended": [{"from": "12:00", "to": "13:30"}],
                         "weekends": [{"from": "09:00", "to": "12:00", "days": ["SATURDAY"]}]}
                        """).update();
        jdbc.sql("""
                        insert into hall_window_category
                            (service_point_code, category, prefix, name_zh, name_en, windows, capacity_per_slot, items, bundles)
                        values (?, 'COMPANY', 'C', '企业开办', 'Company', 2, ?, '{samr-company-registration}', '{company-startup}'),
                               (?, 'COMPREHENSIVE', 'A', '综合受理', 'Comprehensive', 2, 5, '{*}', '{*}')
                        """).params(code, capacity, code).update();
        return code;
    }

    static RequestPostProcessor clerkAt(String point) {
        String subject = "clerk-" + point;
        return jwt().jwt(t ->
                        t.subject(subject).claim("preferred_username", subject).claim("service_point", point))
                .authorities(new SimpleGrantedAuthority("ROLE_window-clerk"));
    }

    static Map<String, Object> booking(String point, String day, String starts) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("servicePoint", point);
        body.put("itemCode", "samr-company-registration");
        body.put("day", day);
        body.put("starts", starts);
        return body;
    }

    JsonNode book(RequestPostProcessor who, String point, String day, String starts, int expectedStatus)
            throws Exception {
        return postJson(who, HALL + "/appointments", booking(point, day, starts), expectedStatus);
    }

    /** The free places of a COMPANY slot as the public slot list shows them. */
    int free(String point, String day, String starts) throws Exception {
        JsonNode slots = getJson(
                anonymous(),
                HALL + "/service-points/" + point + "/slots?category=COMPANY&from=" + day + "&to=" + day,
                200);
        for (JsonNode slot : slots) {
            if (slot.get("starts").asString().startsWith(starts)) {
                return slot.get("free").asInt();
            }
        }
        throw new AssertionError("no slot " + day + " " + starts + " in " + slots);
    }

    static RequestPostProcessor anonymous() {
        return request -> request;
    }

    static List<String> starts(JsonNode slots, String day) {
        List<String> starts = new ArrayList<>();
        for (JsonNode slot : slots) {
            if (slot.get("day").asString().equals(day)) {
                starts.add(slot.get("starts").asString());
            }
        }
        return starts;
    }

    static String type(JsonNode problem) {
        String type = problem.get("type").asString();
        return type.substring(type.lastIndexOf('/') + 1);
    }
}
