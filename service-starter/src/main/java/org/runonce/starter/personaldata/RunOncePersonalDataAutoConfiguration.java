package org.runonce.starter.personaldata;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The {@link PersonalDataCipher} and {@link BlindIndex} of a service that stores personal data: it sets
 * {@code runonce.personal-data.key} (and the other settings of {@link PersonalDataProperties}). A published demo key
 * stops the start unless {@code runonce.personal-data.allow-demo-keys} says this is a local demo.
 */
@AutoConfiguration
@ConditionalOnProperty("runonce.personal-data.key")
@EnableConfigurationProperties(PersonalDataProperties.class)
public class RunOncePersonalDataAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(RunOncePersonalDataAutoConfiguration.class);

    @Bean
    PersonalDataCipher personalDataCipher(PersonalDataProperties properties) {
        if (properties.isDemoKey()) {
            if (!properties.allowDemoKeys()) {
                throw new IllegalStateException("runonce.personal-data.key-id '" + properties.keyId() + "' names a"
                        + " published demo key: resident ID and phone numbers would be encrypted with a key anyone"
                        + " has. Set runonce.personal-data.key, .key-id and .index-key from a secret (deploy/k8s:"
                        + " create-secrets.sh), or runonce.personal-data.allow-demo-keys=true for a local demo.");
            }
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
