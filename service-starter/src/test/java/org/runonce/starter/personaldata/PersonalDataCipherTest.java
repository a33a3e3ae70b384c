package org.runonce.starter.personaldata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PersonalDataCipherTest {

    private static final String ID = "33010219850615202X";

    private static byte[] key(int fill) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) fill);
        return key;
    }

    @Test
    void aValueRoundTripsAndIsNotStoredInPlaintext() {
        var cipher = new PersonalDataCipher("k1", key(1), Map.of());
        String stored = cipher.encrypt(ID);
        assertThat(stored).startsWith("pd1:k1:").doesNotContain(ID).doesNotContain("19850615");
        assertThat(PersonalDataCipher.isEncrypted(stored)).isTrue();
        assertThat(cipher.decrypt(stored)).isEqualTo(ID);
        assertThat(cipher.encrypt(ID))
                .as("a fresh data key and nonce per value")
                .isNotEqualTo(stored);
        assertThat(cipher.encrypt(stored)).as("never encrypted twice").isEqualTo(stored);
        assertThat(cipher.decrypt("plain 138"))
                .as("rows from before encryption")
                .isEqualTo("plain 138");
        assertThat(cipher.encrypt(null)).isNull();
    }

    @Test
    void aWrongKeyUnderTheSameIdFails() {
        String stored = new PersonalDataCipher("k1", key(1), Map.of()).encrypt(ID);
        var other = new PersonalDataCipher("k1", key(2), Map.of());
        assertThatThrownBy(() -> other.decrypt(stored))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageNotContaining(ID);
    }

    @Test
    void anUnknownKeyIdOrATamperedCiphertextFails() {
        var cipher = new PersonalDataCipher("k1", key(1), Map.of());
        String stored = cipher.encrypt(ID);
        assertThatThrownBy(() -> new PersonalDataCipher("k2", key(1), Map.of()).decrypt(stored))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("unknown key id k1");
        // one bit of the sealed value flipped (not its last base64 character, which may carry only unused bits)
        String[] parts = stored.split(":", -1);
        byte[] sealed = java.util.Base64.getUrlDecoder().decode(parts[3]);
        sealed[sealed.length / 2] ^= 1;
        String tampered = String.join(
                ":",
                parts[0],
                parts[1],
                parts[2],
                java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(sealed));
        assertThat(tampered).isNotEqualTo(stored);
        assertThatThrownBy(() -> cipher.decrypt(tampered)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> cipher.decrypt(stored.replace("pd1:k1:", "pd1:k2:")))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void afterARotationOldValuesStayReadableAndNewOnesUseTheNewKey() {
        String old = new PersonalDataCipher("k1", key(1), Map.of()).encrypt(ID);
        var rotated = new PersonalDataCipher("k2", key(2), Map.of("k1", key(1)));
        assertThat(rotated.decrypt(old)).isEqualTo(ID);
        String fresh = rotated.encrypt(ID);
        assertThat(PersonalDataCipher.keyIdOf(fresh)).isEqualTo("k2");
        assertThat(PersonalDataCipher.keyIdOf(old)).isEqualTo("k1");
        assertThatThrownBy(() -> new PersonalDataCipher("k1", key(1), Map.of()).decrypt(fresh))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void keysMustBeAes256() {
        assertThatThrownBy(() -> new PersonalDataCipher("k1", new byte[16], Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theBlindIndexMatchesTheSameNumberOnlyAndDependsOnTheKey() {
        var index = new BlindIndex(key(7));
        assertThat(index.of(ID))
                .isEqualTo(index.of(" 33010219850615202x "))
                .hasSize(64)
                .doesNotContain(ID);
        assertThat(index.of(ID)).isNotEqualTo(index.of("330102198506152011"));
        assertThat(new BlindIndex(key(8)).of(ID)).isNotEqualTo(index.of(ID));
        assertThat(index.of(null)).isNull();
    }

    @Test
    void masking() {
        assertThat(Masking.idNumber("330106198506151234")).isEqualTo("330106********1234");
        assertThat(Masking.idNumber("91330106MA2XXXXX0X")).isEqualTo("91**************0X");
        assertThat(Masking.phone("13800001234")).isEqualTo("138****1234");
        assertThat(Masking.idNumber(null)).isNull();
    }
}
