package org.runonce.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import tools.jackson.databind.JsonNode;

/**
 * The image configuration the parent pom gives Jib, against what the Deployments expect of it. Building the images
 * needs the base image from a registry this machine cannot reach; {@code ./runonce images --check} builds one on an
 * empty base as a tar (deploy/k8s/README.md "Images").
 */
class ImageConfigurationTest {

    static String jib(String path) throws Exception {
        Document pom = DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(ConsistencyTest.ROOT.resolve("pom.xml").toFile());
        return XPathFactory.newInstance()
                .newXPath()
                .evaluate("//pluginManagement//plugin[artifactId='jib-maven-plugin']/configuration/" + path, pom)
                .trim();
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void theImagesRunAsTheNonRootUserTheDeploymentsRequireOnAPinnedTemurinJre(String overlay) throws Exception {
        assertThat(jib("from/image")).matches("eclipse-temurin:\\d+-jre@sha256:[0-9a-f]{64}");
        assertThat(jib("container/environment/JAVA_TOOL_OPTIONS"))
                .contains("MaxRAMPercentage", "ExitOnOutOfMemoryError");
        String[] user = jib("container/user").split(":");
        assertThat(Integer.parseInt(user[0])).isPositive();
        for (JsonNode deployment : ManifestsTest.render(overlay).stream()
                .filter(o -> o.path("kind").asString().equals("Deployment"))
                .toList()) {
            JsonNode pod = deployment.at("/spec/template/spec");
            assertThat(pod.at("/securityContext/runAsNonRoot").asBoolean()).isTrue();
            assertThat(pod.at("/securityContext/runAsUser").asString()).isEqualTo(user[0]);
            assertThat(pod.at("/securityContext/runAsGroup").asString()).isEqualTo(user[1]);
            String image = pod.at("/containers/0/image").asString();
            assertThat(image)
                    .endsWith("/runonce/" + deployment.at("/metadata/name").asString() + ":0.1.0-SNAPSHOT");
            // the JVM's temporary files go to the one writable place of a read-only root file system
            assertThat(pod.at("/containers/0/securityContext/readOnlyRootFilesystem")
                            .asBoolean())
                    .isTrue();
            assertThat(pod.at("/containers/0/volumeMounts").toString()).contains("\"mountPath\":\"/tmp\"");
            assertThat(jib("container/environment/JAVA_TOOL_OPTIONS")).contains("-Djava.io.tmpdir=/tmp");
        }
        assertThat(Path.of(jib("to/image"))).isNotNull();
        assertThat(jib("to/image"))
                .isEqualTo("${runonce.image.registry}/runonce/${project.artifactId}:${project.version}");
    }
}
