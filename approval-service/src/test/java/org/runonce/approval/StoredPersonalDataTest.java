package org.runonce.approval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.runonce.contracts.approval.Holder;
import org.runonce.starter.personaldata.PersonalDataCipher;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Which values approval encrypts in the JSON it stores, and that reading gives back what was written. */
class StoredPersonalDataTest {

    static final String ID = "33010219850615202X";

    final JsonMapper json = JsonMapper.builder().build();
    final StoredPersonalData personalData =
            new StoredPersonalData(new PersonalDataCipher("test", new byte[32], Map.of()), json);

    @Test
    void idNumbersCreditCodesAndPhoneNumbersAreEncryptedWhereverTheyAreTheRestIsNot() {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("companyName", "杭州一次办科技有限公司");
        form.put("unifiedSocialCreditCode", "91330106MA2B3C4D5E");
        form.put("financeOfficerPhone", "13912345678");
        form.put("members", List.of(Map.of("name", "王小明", "idNumber", "330106198506152025")));
        form.put("notes", List.of("父亲身份证号见下", ID));
        form.put("email", "wang@example.com");
        form.put("sealCount", 2);

        String stored = personalData.write(form);

        assertThat(stored)
                .doesNotContain("91330106MA2B3C4D5E", "13912345678", "330106198506152025", ID)
                .contains("杭州一次办科技有限公司", "王小明", "父亲身份证号见下", "wang@example.com", "\"sealCount\":2");
        assertThat(personalData.read(stored, new TypeReference<Map<String, Object>>() {}))
                .isEqualTo(form);
    }

    @Test
    void plaintextFromBeforeIsReadAsItIsAndEncryptedOnceWhenAskedTo() {
        String before = json.writeValueAsString(new Holder("subject-1", "王小明", ID));

        assertThat(personalData.read(before, Holder.class)).isEqualTo(new Holder("subject-1", "王小明", ID));
        String encrypted = personalData.encryptJson(before);
        assertThat(encrypted).doesNotContain(ID).contains("王小明");
        assertThat(personalData.encryptJson(encrypted)).isEqualTo(encrypted);
        assertThat(personalData.read(encrypted, Holder.class)).isEqualTo(new Holder("subject-1", "王小明", ID));
        assertThat(StoredPersonalData.plaintext("13912345678")).isTrue();
        assertThat(StoredPersonalData.plaintext(personalData.encrypt("13912345678")))
                .isFalse();
        assertThat(personalData.decrypt("13912345678")).isEqualTo("13912345678");
    }
}
