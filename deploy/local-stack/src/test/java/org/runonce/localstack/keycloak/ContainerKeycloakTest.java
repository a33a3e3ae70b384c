package org.runonce.localstack.keycloak;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The container mode runs the very Keycloak the embedded mode runs, with the same issuer. */
public class ContainerKeycloakTest {

    @Test
    void theImageIsTheVersionOfTheDistributionThisBuildUses() {
        String version = KeycloakDistribution.buildVersion();

        assertThat(version).matches("\\d+\\.\\d+\\.\\d+.*");
        assertThat(ContainerKeycloak.image(version)).isEqualTo("quay.io/keycloak/keycloak:" + version);
    }

    @Test
    void theIssuerIsTheHostPortSoTokensMatchWhatTheServicesExpect() {
        assertThat(ContainerKeycloak.command(18180))
                .contains("--import-realm", "--hostname=http://localhost:18180", "--health-enabled=true")
                .first()
                .isEqualTo("start-dev");
    }
}
