package org.runonce.starter.personaldata;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The {@link PersonalDataCipher} and {@link BlindIndex} of a service that stores personal data: it sets
 * {@code runonce.personal-data.key} (and the other settings of {@link PersonalDataProperties}).
 */
@AutoConfiguration
@ConditionalOnProperty("runonce.personal-data.key")
@EnableConfigurationProperties(PersonalDataProperties.class)
public class RunOncePersonalDataAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(RunOncePersonalDataAutoConfiguration.class);

    @Bean
    PersonalDataCipher personalDataCipher(PersonalDataProperties properties) {
        if (properties.keyId().startsWith("local-demo")) {
            log.warn(
                    "Personal data is encrypted with the published local demo key '{}': for local runs only, set "
                            + "runonce.personal-data.key, .key-id and .index-key from a secret everywhere else",
                    properties.keyId());
        }
        return PersonalDataCipher.from(properties);
    }

    @Bean
    BlindIndex blindIndex(PersonalDataProperties properties) {
        return BlindIndex.from(properties);
    }
}
