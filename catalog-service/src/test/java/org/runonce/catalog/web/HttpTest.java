package org.runonce.catalog.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.runonce.starter.domain.Refusal;
import tools.jackson.databind.json.JsonMapper;

class HttpTest {

    final Representation current =
            Representation.of(Map.of("version", 1), JsonMapper.builder().build());

    @Test
    void theETagIsStrongAndFollowsTheBytes() {
        Representation other =
                Representation.of(Map.of("version", 2), JsonMapper.builder().build());

        assertThat(current.etag()).startsWith("\"").endsWith("\"").doesNotStartWith("W/");
        assertThat(other.etag()).isNotEqualTo(current.etag());
        assertThat(Representation.of(Map.of("version", 1), JsonMapper.builder().build())
                        .etag())
                .isEqualTo(current.etag());
    }

    @Test
    void conditionalUpdatesNeedTheCurrentETag() {
        assertThatThrownBy(() -> Http.requireMatch(null, current))
                .isInstanceOfSatisfying(
                        Refusal.class, r -> assertThat(r.status()).isEqualTo(428));
        assertThatThrownBy(() -> Http.requireMatch("\"old\"", current)).isInstanceOfSatisfying(Refusal.class, r -> {
            assertThat(r.status()).isEqualTo(412);
            assertThat(r.members()).containsEntry("currentETag", current.etag());
        });
        assertThatCode(() -> Http.requireMatch("\"old\", " + current.etag(), current))
                .doesNotThrowAnyException();
        assertThatCode(() -> Http.requireMatch("*", current)).doesNotThrowAnyException();
    }
}
