package org.runonce.intake.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.runonce.contracts.intake.ApplicationAccepted;
import org.runonce.intake.IntakeIT;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;

/**
 * 就近办、异地办、跨区域通办 over HTTP on real PostgreSQL and Kafka, with the demo catalog's second city (Ningbo, 330200)
 * and second province (Jiangsu, 320000), each with its own calendar, and the cross-region lists of Hangzhou (330100)
 * and Jiangsu. From Friday 20 November 2026 the province's calendar (which Hangzhou follows) and theirs differ: the
 * third working day is the 25th in Zhejiang and the 27th in Ningbo (23rd and 24th are rest days there), the fifth is
 * the 27th in Zhejiang and the 26th in Jiangsu (Saturday 21st worked, 27th off).
 */
class CrossRegionIT extends IntakeIT {

    private static final String NINGBO_ITEM = "nb-unemployment-registration";
    private static final String JIANGSU_ITEM = "js-medical-insurance-transfer";

    @Test
    void aHangzhouWindowAcceptsANingboItemHandledByNingboOnNingbosCalendar() throws Exception {
        RequestPostProcessor clerk = clerk("clerk-" + newSubject());
        Map<String, Object> body = ningboApplication(clerk, "330100");
        body.put("identityCheck", idCardRead());

        JsonNode accepted = submit(clerk, body, 201);

        String number = accepted.get("number").asString();
        assertThat(accepted.get("status").asString()).isEqualTo("ACCEPTED");
        assertThat(number).startsWith("330100-2026-");
        assertThat(accepted.get("acceptingRegion").asString()).isEqualTo("330100");
        assertThat(accepted.get("region").asString()).isEqualTo("330200");
        // Ningbo's calendar: Hangzhou's (the province's) would promise Wednesday the 25th
        assertThat(accepted.get("acceptance").get("promisedCompletionDate").asString())
                .isEqualTo("2026-11-27");
        assertThat(accepted.get("cases")).hasSize(1);
        assertThat(accepted.get("cases").get(0).get("departmentCode").asString())
                .isEqualTo("NBHRSS");
        // the result comes back to the accepting window, or electronically
        assertThat(accepted.get("deliveryOptions").valueStream().map(JsonNode::asString))
                .contains("WINDOW_PICKUP", "ELECTRONIC");

        // approval gets the case for Ningbo's department, on Ningbo's calendar
        JsonNode event = json.readTree(awaitEvents(number, ApplicationAccepted.TYPE).stream()
                .filter(b -> json.readTree(b).get("type").asString().equals(ApplicationAccepted.TYPE))
                .findFirst()
                .orElseThrow());
        assertThat(event.get("data").get("region").asString()).isEqualTo("330200");
        assertThat(event.get("data").get("promisedCompletionDate").asString()).isEqualTo("2026-11-27");
        assertThat(event.get("data").get("cases").get(0).get("departmentCode").asString())
                .isEqualTo("NBHRSS");

        // the receipt names both regions
        String receipt = mvc.perform(
                        get(accepted.get("acceptance").get("receiptPath").asString())
                                .with(clerk)
                                .accept(MediaType.TEXT_HTML))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(receipt)
                .contains("id=\"accepting-region\">330100<")
                .contains("id=\"handling-region\">330200<")
                .contains("id=\"promised-date\">2026-11-27<")
                .contains("受理地窗口领取或电子送达");
    }

    @Test
    void anApplicantOnlineInHangzhouAppliesForAJiangsuItemDueOnJiangsusCalendar() throws Exception {
        Map<String, Object> person = person("李四");
        RequestPostProcessor me = applicant(newSubject(), person);
        Map<String, Object> body = new LinkedHashMap<>(Map.of(
                "itemCode",
                JIANGSU_ITEM,
                "region",
                "330100",
                "applicant",
                Map.of("type", "NATURAL_PERSON"),
                "form",
                Map.of("newInsuranceCity", "杭州市"),
                "materials",
                documents(me, "ID_CARD")));

        JsonNode accepted = submit(me, body, 201);

        assertThat(accepted.get("status").asString()).isEqualTo("ACCEPTED");
        assertThat(accepted.get("acceptingRegion").asString()).isEqualTo("330100");
        assertThat(accepted.get("region").asString()).isEqualTo("320000");
        // Jiangsu works Saturday the 21st and rests on the 27th: Zhejiang's calendar would promise the 27th
        assertThat(accepted.get("acceptance").get("promisedCompletionDate").asString())
                .isEqualTo("2026-11-26");
        assertThat(accepted.get("cases").get(0).get("departmentCode").asString())
                .isEqualTo("JSHSA");
    }

    @Test
    void aRegionThatDoesNotAcceptTheItemForItsHomeRegionRefusesItWithNothingStored() throws Exception {
        RequestPostProcessor clerk = clerk("clerk-" + newSubject());
        Map<String, Object> person = person("王五");
        // the province's own hall (330000) has no cross-region list; Jiangsu (320000) accepts the Ningbo item only
        for (String region : List.of("330000", "320000")) {
            Map<String, Object> body =
                    region.equals("330000") ? ningboApplication(clerk, region) : jiangsuApplicationIn(clerk, "330200");
            body.put("applicant", person);
            body.put("identityCheck", idCardRead());
            JsonNode refused = submit(clerk, body, 422);
            assertThat(refused.get("type").asString())
                    .isEqualTo("https://runonce.org/problems/not-accepted-for-region");
            assertThat(refused.get("acceptingRegion").asString())
                    .isEqualTo(region.equals("330000") ? "330000" : "330200");
            assertThat(refused.get("handlingRegion").asString())
                    .isEqualTo(region.equals("330000") ? "330200" : "320000");
            assertThat(refused.get("items").get(0).asString())
                    .isEqualTo(region.equals("330000") ? NINGBO_ITEM : JIANGSU_ITEM);
        }
        assertThat(jdbc.sql("select count(*) from application where state::text like ?")
                        .param("%" + person.get("idNumber") + "%")
                        .query(Long.class)
                        .single())
                .isZero();

        // Jiangsu's own windows take Jiangsu's items without a list, and the Ningbo item through theirs
        Map<String, Object> own = jiangsuApplicationIn(clerk, "320000");
        own.put("applicant", person);
        own.put("identityCheck", idCardRead());
        JsonNode accepted = submit(clerk, own, 201);
        assertThat(accepted.get("region").asString()).isEqualTo("320000");
        assertThat(accepted.get("acceptingRegion").asString()).isEqualTo("320000");
        Map<String, Object> ningbo = ningboApplication(clerk, "320000");
        ningbo.put("identityCheck", idCardRead());
        JsonNode acrossProvinces = submit(clerk, ningbo, 201);
        assertThat(acrossProvinces.get("number").asString()).startsWith("320000-2026-");
        assertThat(acrossProvinces.get("region").asString()).isEqualTo("330200");
        assertThat(acrossProvinces
                        .get("acceptance")
                        .get("promisedCompletionDate")
                        .asString())
                .isEqualTo("2026-11-27");
    }

    @Test
    void aTownshipServicePointAcceptsItsCountysItemTheSameWay() throws Exception {
        // Wednesday 30 September: the county (330106) has no calendar of its own and follows the province's, National
        // Day then the make-up Saturday 10 October (Monday to Friday would promise Monday 5 October)
        clock().set("2026-09-30T10:00");
        RequestPostProcessor clerk = clerk("clerk-" + newSubject());
        Map<String, Object> body = new LinkedHashMap<>(Map.of(
                "itemCode",
                "xh-elderly-allowance",
                "region",
                "330106013",
                "applicant",
                person("孙八"),
                "identityCheck",
                idCardRead(),
                "form",
                Map.of("community", "转塘街道双流村"),
                "materials",
                documents(clerk, "ID_CARD")));

        JsonNode accepted = submit(clerk, body, 201);

        assertThat(accepted.get("number").asString()).startsWith("330106013-2026-");
        assertThat(accepted.get("acceptingRegion").asString()).isEqualTo("330106013");
        assertThat(accepted.get("region").asString()).isEqualTo("330106");
        assertThat(accepted.get("acceptance").get("promisedCompletionDate").asString())
                .isEqualTo("2026-10-10");
        assertThat(accepted.get("cases").get(0).get("departmentCode").asString())
                .isEqualTo("XHCA");

        // the neighbouring township has no list: refused, nothing stored
        body.put("region", "330106014");
        body.put("materials", documents(clerk, "ID_CARD"));
        JsonNode refused = submit(clerk, body, 422);
        assertThat(refused.get("type").asString()).isEqualTo("https://runonce.org/problems/not-accepted-for-region");
        assertThat(refused.get("handlingRegion").asString()).isEqualTo("330106");
    }

    /** A window application for the Ningbo item, complete, accepted in {@code region}. */
    private Map<String, Object> ningboApplication(RequestPostProcessor clerk, String region) throws Exception {
        return new LinkedHashMap<>(Map.of(
                "itemCode",
                NINGBO_ITEM,
                "region",
                region,
                "applicant",
                person("赵六"),
                "form",
                Map.of("lastEmployer", "宁波一次制造有限公司", "unemployedSince", "2026-10-31"),
                "materials",
                documents(clerk, "ID_CARD", "LAST_EMPLOYMENT_PROOF")));
    }

    private Map<String, Object> jiangsuApplicationIn(RequestPostProcessor clerk, String region) throws Exception {
        return new LinkedHashMap<>(Map.of(
                "itemCode",
                JIANGSU_ITEM,
                "region",
                region,
                "applicant",
                person("钱七"),
                "form",
                Map.of("newInsuranceCity", "宁波市"),
                "materials",
                documents(clerk, "ID_CARD")));
    }
}
