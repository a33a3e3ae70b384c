package org.runonce.starter.personaldata;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Which values of stored JSON are personal: encrypted, decrypted and masked wherever they are, nothing else. */
class PersonalDataInJsonTest {

    static final String JSON = """
            {"applicant": {"name": "王小明", "idNumber": "33010219850615202X", "phone": "13912345678",
                           "email": "wang@example.com"},
             "form": {"unifiedSocialCreditCode": "91330106MA2B3C4D5E", "notes": ["见下", "330106198506152025"],
                      "sealCount": 2}}""";

    final JsonMapper json = JsonMapper.builder().build();
    final PersonalDataCipher cipher = new PersonalDataCipher("test", new byte[32], Map.of());

    @Test
    void idNumbersCreditCodesAndPhoneNumbersAreEncryptedWhereverTheyAreAndReadBack() {
        JsonNode state = json.readTree(JSON);

        PersonalDataInJson.encrypt(state, cipher);
        String stored = json.writeValueAsString(state);
        assertThat(stored)
                .doesNotContain("33010219850615202X", "13912345678", "91330106MA2B3C4D5E", "330106198506152025")
                .contains("王小明", "wang@example.com", "见下", "\"sealCount\":2");
        PersonalDataInJson.encrypt(state, cipher); // encrypted values stay as they are
        assertThat(json.writeValueAsString(state)).isEqualTo(stored);

        PersonalDataInJson.decrypt(state, cipher);
        assertThat(state).isEqualTo(json.readTree(JSON));
    }

    @Test
    void masksWhatItWouldEncrypt() {
        JsonNode state = json.readTree(JSON);

        PersonalDataInJson.mask(state);

        assertThat(state.at("/applicant/idNumber").asString()).isEqualTo(Masking.idNumber("33010219850615202X"));
        assertThat(state.at("/applicant/phone").asString()).isEqualTo("139****5678");
        assertThat(state.at("/form/notes/1").asString()).isEqualTo(Masking.idNumber("330106198506152025"));
        assertThat(state.at("/applicant/name").asString()).isEqualTo("王小明");
    }
}
