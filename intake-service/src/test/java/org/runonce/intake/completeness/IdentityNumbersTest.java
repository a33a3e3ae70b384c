package org.runonce.intake.completeness;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.runonce.contracts.TestIds;

class IdentityNumbersTest {

    @Test
    void residentIdentityNumbersNeedTheirCheckCharacterAndARealBirthDate() {
        assertThat(IdentityNumbers.isResidentId("11010519491231002X")).isTrue(); // the standard's example
        assertThat(IdentityNumbers.isResidentId("110105194912310021")).isFalse();
        assertThat(IdentityNumbers.isResidentId("110105194902300020")).isFalse(); // 30 February
        assertThat(IdentityNumbers.isResidentId("1101051949123100")).isFalse();
        assertThat(IdentityNumbers.isResidentId(TestIds.residentId())).isTrue();
    }

    @Test
    void creditCodesNeedTheirCheckCharacter() {
        assertThat(IdentityNumbers.isCreditCode("91350100M000100Y43")).isTrue(); // a published example
        assertThat(IdentityNumbers.isCreditCode("91350100M000100Y44")).isFalse();
        assertThat(IdentityNumbers.isCreditCode("91350100M000100I43")).isFalse(); // I is not in the charset
        assertThat(IdentityNumbers.isCreditCode(TestIds.creditCode())).isTrue();
    }
}
