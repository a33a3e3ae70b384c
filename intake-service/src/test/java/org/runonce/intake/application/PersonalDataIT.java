package org.runonce.intake.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.runonce.intake.IntakeIT;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;

/**
 * Resident ID numbers and phone numbers at rest (issue 16): the row holds ciphertext and a blind index, never the
 * number; the applicant and window clerks get it back in full, a clerk finds the applications of an ID number,
 * supervisors see it masked; rows written before encryption are encrypted at start.
 */
class PersonalDataIT extends IntakeIT {

    private static final String PHONE = "13912345678";

    @Autowired
    Applications applications;

    @Test
    void theRowHoldsNoIdOrPhoneNumberWhileTheApplicantGetsThemAndAClerkFindsTheApplicationByIdNumber()
            throws Exception {
        Map<String, Object> me = person("隐私测试人");
        me.put("phone", PHONE);
        String idNumber = (String) me.get("idNumber");
        RequestPostProcessor owner = applicant(newSubject(), me);
        String number = submit(owner, unemployment(me), 201).get("number").asString();

        String row = jdbc.sql("select state::text from application where number = ?")
                .param(number)
                .query(String.class)
                .single();
        assertThat(row)
                .doesNotContain(idNumber)
                .doesNotContain(idNumber.substring(6, 14))
                .doesNotContain(PHONE);
        assertThat(row).contains("隐私测试人").contains("\"idNumber\": \"pd1:local-demo-intake:");
        assertThat(jdbc.sql("select applicant_id_index from application where number = ?")
                        .param(number)
                        .query(String.class)
                        .single())
                .hasSize(64)
                .doesNotContain(idNumber);

        JsonNode own = getJson(owner, "/api/intake/applications/" + number, 200).get("applicant");
        assertThat(own.get("idNumber").asString()).isEqualTo(idNumber);
        assertThat(own.get("phone").asString()).isEqualTo(PHONE);

        JsonNode found =
                getJson(clerk("clerk-lookup"), "/api/intake/applications?idNumber=" + idNumber.toLowerCase(), 200);
        assertThat(numbers(found)).containsExactly(number);
        assertThat(found.get(0).get("applicant").get("idNumber").asString()).isEqualTo(idNumber);
        assertThat(getJson(clerk("clerk-lookup"), "/api/intake/applications?idNumber=110101199003070000", 200)
                        .valueStream()
                        .map(a -> a.get("number").asString()))
                .doesNotContain(number);

        JsonNode supervised =
                getJson(supervisor(), "/api/intake/applications/" + number, 200).get("applicant");
        assertThat(supervised.get("idNumber").asString())
                .isEqualTo(idNumber.substring(0, 6) + "********" + idNumber.substring(14));
        assertThat(supervised.get("phone").asString()).isEqualTo("139****5678");
    }

    @Test
    void theStoredIdempotentResponseHoldsNoIdNumber() throws Exception {
        Map<String, Object> me = person("幂等隐私人");
        String idNumber = (String) me.get("idNumber");
        String key = UUID.randomUUID().toString();
        for (int i = 0; i < 2; i++) {
            String body = mvc.perform(post("/api/intake/applications")
                            .with(applicant("idem-" + key, me))
                            .header("Idempotency-Key", key)
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(json.writeValueAsString(unemployment(me))))
                    .andExpect(status().isCreated())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(body)
                    .as("the replay answers the full number to its owner")
                    .contains(idNumber);
        }
        assertThat(jdbc.sql("select response_body from idempotency_key where key = ?")
                        .param(key)
                        .query(String.class)
                        .single())
                .startsWith("pd1:")
                .doesNotContain(idNumber);
    }

    @Test
    void rowsWrittenBeforeEncryptionAreEncryptedAtStartAndFoundAfterwards() throws Exception {
        Map<String, Object> me = person("旧数据申请人");
        me.put("phone", PHONE);
        String idNumber = (String) me.get("idNumber");
        RequestPostProcessor owner = applicant(newSubject(), me);
        String number = submit(owner, unemployment(me), 201).get("number").asString();
        // as a row looked before V12: plaintext numbers, no index
        jdbc.sql("""
                        update application set applicant_id_index = null,
                            state = jsonb_set(jsonb_set(state, '{applicant,idNumber}', to_jsonb(?::text)),
                                '{applicant,phone}', to_jsonb(?::text))
                        where number = ?""").params(idNumber, PHONE, number).update();
        assertThat(stored(number)).contains(idNumber);

        applications.encryptPlaintextRows();

        assertThat(stored(number)).doesNotContain(idNumber).doesNotContain(PHONE);
        assertThat(getJson(clerk("clerk-lookup"), "/api/intake/applications?idNumber=" + idNumber, 200)
                        .valueStream()
                        .map(a -> a.get("number").asString()))
                .containsExactly(number);
        assertThat(getJson(owner, "/api/intake/applications/" + number, 200)
                        .get("applicant")
                        .get("phone")
                        .asString())
                .isEqualTo(PHONE);
    }

    private static java.util.List<String> numbers(JsonNode list) {
        return list.valueStream().map(a -> a.get("number").asString()).toList();
    }

    private String stored(String number) {
        return jdbc.sql("select state::text from application where number = ?")
                .param(number)
                .query(String.class)
                .single();
    }

    private static Map<String, Object> unemployment(Map<String, Object> applicant) {
        return new LinkedHashMap<>(Map.of(
                "itemCode",
                "hrss-unemployment-benefit",
                "applicant",
                applicant,
                "form",
                Map.of("terminationDate", "2026-10-31")));
    }
}
