package org.runonce.gateway.requestid;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class RequestIdsTest {

    @ParameterizedTest
    @ValueSource(strings = {"3f2b8c1e-8d5a-4f7e-9c21-0a6b2d4e8f10", "portal-42", "a.b_c-d", "0123456789abcdef"})
    void keepsAcceptableIds(String incoming) {
        assertThat(RequestIds.acceptOrGenerate(incoming)).isEqualTo(incoming);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"has space", "line\nbreak", "quote\"s", "<script>", "ünïcode"})
    void replacesMissingOrUnsafeIds(String incoming) {
        assertThat(RequestIds.acceptOrGenerate(incoming))
                .isNotEqualTo(incoming)
                .matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    }

    @ParameterizedTest
    @ValueSource(ints = {64, 65})
    void acceptsAtMost64Characters(int length) {
        String incoming = "a".repeat(length);
        assertThat(RequestIds.acceptOrGenerate(incoming).equals(incoming)).isEqualTo(length <= 64);
    }
}
