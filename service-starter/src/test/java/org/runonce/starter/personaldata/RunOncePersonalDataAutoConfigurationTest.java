package org.runonce.starter.personaldata;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** A service refuses to start on a published demo key unless the local stack or a test allows it. */
class RunOncePersonalDataAutoConfigurationTest {

    private static final String KEY = "5rQVUX6ksTvdYjkWxQ6z5bY6Ucb2R6CXkDVurqyosnc=";
    private static final String INDEX_KEY = "9bDB5d+/RTCpRW5bUXkZKTdXss4dGyQoJtzSXcg4itI=";

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(RunOncePersonalDataAutoConfiguration.class))
            .withPropertyValues("runonce.personal-data.key=" + KEY, "runonce.personal-data.index-key=" + INDEX_KEY);

    @Test
    void aDemoKeyStopsTheStart() {
        context.withPropertyValues("runonce.personal-data.key-id=local-demo-intake")
                .run(started -> {
                    assertThat(started).hasFailed();
                    assertThat(started.getStartupFailure())
                            .rootCause()
                            .hasMessageContaining("'local-demo-intake' names a published demo key")
                            .hasMessageContaining("allow-demo-keys");
                });
    }

    @Test
    void aDemoKeyServesALocalDemoThatSaysSo() {
        context.withPropertyValues(
                        "runonce.personal-data.key-id=local-demo-intake", "runonce.personal-data.allow-demo-keys=true")
                .run(started -> assertThat(started).hasSingleBean(PersonalDataCipher.class));
    }

    @Test
    void anOperatorsKeyServesWithoutPermission() {
        context.withPropertyValues("runonce.personal-data.key-id=intake-2026-12")
                .run(started -> assertThat(started.getBean(PersonalDataCipher.class)
                                .decrypt(started.getBean(PersonalDataCipher.class)
                                        .encrypt("330106199001011234")))
                        .isEqualTo("330106199001011234"));
    }
}
