package org.runonce.intake.hall;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;

/**
 * The visit is counted when the applicant is served (跑一次), and a clerk accepts in their service point's region: a
 * township point of its own (region 330106013, like Zhuantang) whose comprehensive window takes the county's elderly
 * allowance (Xihu District civil affairs, XHCA, 330106), on the province's calendar.
 */
class HallVisitsIT extends HallIT {

    private static final String ITEM = "xh-elderly-allowance";
    private static final String APPLICATIONS = "/api/intake/applications/";

    @Test
    void aFilingNamingTheServedTicketIsThatTripAndAnotherDaysTicketAnotherVisit() throws Exception {
        String point = newTownshipPoint();
        RequestPostProcessor clerk = clerkAt(point);
        String subject = newSubject();
        RequestPostProcessor applicant = applicant(subject);
        String appointment = postJson(applicant, HALL + "/appointments", booking(point, "2026-11-23"), 201)
                .get("id")
                .asString();
        clock().set("2026-11-23T08:50");
        String ticket = postJson(applicant, HALL + "/appointments/" + appointment + "/arrival", null, 201)
                .get("id")
                .asString();
        clock().set("2026-11-23T09:05");
        assertThat(called(clerk, point)).isEqualTo(ticket);

        // the clerk files for the ticket's holder, naming the ticket and no region: the point's region accepts it
        Map<String, Object> body = allowance(clerk);
        body.put("ticket", ticket);
        JsonNode filed = submit(clerk, body, 201);
        String number = filed.get("number").asString();
        assertThat(filed.get("status").asString()).isEqualTo("ACCEPTED");
        assertThat(number).startsWith("330106013-2026-");
        assertThat(filed.get("acceptingRegion").asString()).isEqualTo("330106013");
        assertThat(filed.get("region").asString()).isEqualTo("330106");
        assertThat(filed.get("cases").get(0).get("departmentCode").asString()).isEqualTo("XHCA");
        assertThat(filed.get("visits").asInt()).isEqualTo(1);
        assertThat(filed.get("visitLog").get(0).get("ticket").asString()).isEqualTo(ticket);

        clock().set("2026-11-23T09:20");
        postJson(clerk, HALL + "/tickets/" + ticket + "/served", null, 200);
        // the holder follows it online (the ticket's account); served on the ticket it names: still one visit
        JsonNode mine = getJson(applicant, APPLICATIONS + number, 200);
        assertThat(mine.get("visits").asInt()).isEqualTo(1);
        assertThat(mine.get("visitLog")).hasSize(1);
        assertThat(mine.get("multipleVisits").asBoolean()).isFalse();

        // back the next day on another ticket for the item: a second trip
        String again = postJson(applicant, HALL + "/appointments", booking(point, "2026-11-24"), 201)
                .get("id")
                .asString();
        clock().set("2026-11-24T08:55");
        String second = postJson(clerk, HALL + "/appointments/" + again + "/arrival", null, 201)
                .get("id")
                .asString();
        clock().set("2026-11-24T09:00");
        assertThat(called(clerk, point)).isEqualTo(second);
        clock().set("2026-11-24T09:10");
        postJson(clerk, HALL + "/tickets/" + second + "/served", null, 200);
        JsonNode twice = getJson(applicant, APPLICATIONS + number, 200);
        assertThat(twice.get("visits").asInt()).isEqualTo(2);
        assertThat(twice.get("multipleVisits").asBoolean()).isTrue();
        assertThat(twice.get("visitLog").get(1).get("purpose").asString()).isEqualTo("SERVED");
        assertThat(twice.get("visitLog").get(1).get("ticket").asString()).isEqualTo(second);
    }

    @Test
    void servingATicketBookedForAnItemCountsTheVisitOfTheHoldersOpenApplicationOnce() throws Exception {
        String point = newTownshipPoint();
        RequestPostProcessor clerk = clerkAt(point);
        RequestPostProcessor applicant = applicant(newSubject(), person("周九"));
        RequestPostProcessor bystander = applicant(newSubject(), person("吴十"));
        // online, in the county, without the identity card: a one-time notice, no visit yet
        Map<String, Object> online = new LinkedHashMap<>(Map.of(
                "itemCode", ITEM, "region", "330106", "applicant", Map.of("type", "NATURAL_PERSON"), "form", form()));
        String number = submit(applicant, online, 201).get("number").asString();
        String others = submit(bystander, online, 201).get("number").asString();
        assertThat(getJson(applicant, APPLICATIONS + number, 200).get("status").asString())
                .isEqualTo("PENDING_SUPPLEMENT");

        String appointment = postJson(applicant, HALL + "/appointments", booking(point, "2026-11-23"), 201)
                .get("id")
                .asString();
        clock().set("2026-11-23T09:00");
        String ticket = postJson(applicant, HALL + "/appointments/" + appointment + "/arrival", null, 201)
                .get("id")
                .asString();
        assertThat(called(clerk, point)).isEqualTo(ticket);
        assertThat(getJson(applicant, APPLICATIONS + number, 200).get("visits").asInt())
                .as("called is not yet served")
                .isZero();
        postJson(clerk, HALL + "/tickets/" + ticket + "/served", null, 200);

        JsonNode served = getJson(applicant, APPLICATIONS + number, 200);
        assertThat(served.get("visits").asInt()).isEqualTo(1);
        assertThat(served.get("visitLog")).hasSize(1);
        assertThat(served.get("visitLog").get(0).get("purpose").asString()).isEqualTo("SERVED");
        assertThat(served.get("visitLog").get(0).get("ticket").asString()).isEqualTo(ticket);
        assertThat(served.get("visitLog").get(0).get("recordedBy").asString()).isEqualTo("clerk-" + point);
        assertThat(getJson(bystander, APPLICATIONS + others, 200).get("visits").asInt())
                .isZero();

        // a walk-in ticket names no item: serving it records nothing
        String walkIn = postJson(
                        applicant,
                        HALL + "/service-points/" + point + "/tickets",
                        Map.of("category", "COMPREHENSIVE"),
                        201)
                .get("id")
                .asString();
        assertThat(called(clerk, point)).isEqualTo(walkIn);
        clock().set("2026-11-23T09:30");
        postJson(clerk, HALL + "/tickets/" + walkIn + "/served", null, 200);
        assertThat(getJson(applicant, APPLICATIONS + number, 200).get("visitLog"))
                .hasSize(1);
    }

    @Test
    void aClerkAcceptsInTheRegionOfTheirServicePointOnly() throws Exception {
        String point = newTownshipPoint();
        RequestPostProcessor clerk = clerkAt(point);
        Map<String, Object> body = allowance(clerk);
        long before = stored();

        // another region in the body: refused, nothing stored
        body.put("region", "330100");
        JsonNode elsewhere = submit(clerk, body, 403);
        assertThat(type(elsewhere)).isEqualTo("region-not-service-point");
        assertThat(elsewhere.get("acceptingRegion").asString()).isEqualTo("330106013");
        // an item of the province's department the point's windows do not take, nor its cross-region list
        body.remove("region");
        body.put("itemCode", "samr-company-registration");
        assertThat(type(submit(clerk, body, 422))).isEqualTo("not-accepted-for-region");
        assertThat(stored()).isEqualTo(before);

        // the point's own region named, or none: accepted there
        body.put("itemCode", ITEM);
        body.put("region", "330106013");
        body.put("materials", documents(clerk, "ID_CARD"));
        assertThat(submit(clerk, body, 201).get("acceptingRegion").asString()).isEqualTo("330106013");
        assertThat(stored()).isEqualTo(before + 1);

        // a clerk of no service point keeps the body's region (or the setting)
        RequestPostProcessor central = clerk("clerk-" + newSubject());
        Map<String, Object> unbound = allowance(central);
        unbound.put("region", "330106");
        assertThat(submit(central, unbound, 201).get("acceptingRegion").asString())
                .isEqualTo("330106");
    }

    /** A township point in 330106013 whose comprehensive window (A) takes the county's allowance only. */
    private String newTownshipPoint() {
        String code = "it-" + UUID.randomUUID().toString().substring(0, 8);
        jdbc.sql("""
                        insert into hall_service_point (code, name_zh, name_en, level, region, address, slot_minutes, hours)
                        values (?, '测试街道便民服务中心', 'Test township centre', 'TOWNSHIP', '330106013', '测试路2号', 30,
                            cast(? as jsonb))
                        """).params(code, """
                        {"workingDays": [{"from": "09:00", "to": "12:00"}], "extended": [], "weekends": []}
                        """).update();
        jdbc.sql("""
                        insert into hall_window_category
                            (service_point_code, category, prefix, name_zh, name_en, windows, capacity_per_slot, items, bundles)
                        values (?, 'COMPREHENSIVE', 'A', '综合受理', 'Comprehensive', 1, 3, '{xh-elderly-allowance}', '{}')
                        """).params(code).update();
        return code;
    }

    private static Map<String, Object> booking(String point, String day) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("servicePoint", point);
        body.put("itemCode", ITEM);
        body.put("day", day);
        body.put("starts", "09:00");
        return body;
    }

    /** The comprehensive window calls its next ticket: its id. */
    private String called(RequestPostProcessor clerk, String point) throws Exception {
        return postJson(
                        clerk,
                        HALL + "/service-points/" + point + "/queue/COMPREHENSIVE/calls",
                        Map.of("window", "1"),
                        200)
                .get("id")
                .asString();
    }

    /** A complete window filing of the allowance for a person whose identity card the clerk read. */
    private Map<String, Object> allowance(RequestPostProcessor clerk) throws Exception {
        return new LinkedHashMap<>(Map.of(
                "itemCode",
                ITEM,
                "applicant",
                person("孙八"),
                "identityCheck",
                idCardRead(),
                "form",
                form(),
                "materials",
                documents(clerk, "ID_CARD")));
    }

    private static Map<String, Object> form() {
        return Map.of("community", "转塘街道双流村");
    }

    private long stored() {
        return jdbc.sql("select count(*) from application").query(Long.class).single();
    }
}
