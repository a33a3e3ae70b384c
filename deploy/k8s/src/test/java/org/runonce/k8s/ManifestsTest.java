package org.runonce.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Every overlay renders, and every object it renders is valid against the schema of its kind. */
class ManifestsTest {

    static final Path K8S = Path.of(System.getProperty("runonce.root", "../..")).resolve("deploy/k8s");
    static final List<String> OVERLAYS = List.of("local", "production");
    static final Schemas SCHEMAS = new Schemas();

    static List<ObjectNode> render(String overlay) {
        return Kustomize.render(K8S.resolve("overlays").resolve(overlay));
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void everyObjectOfAnOverlayIsValidAgainstTheSchemaOfItsKind(String overlay) {
        List<ObjectNode> objects = render(overlay);

        assertThat(objects).hasSizeGreaterThan(40);
        assertThat(objects.stream().flatMap(o -> SCHEMAS.violations(o).stream()))
                .isEmpty();
        assertThat(objects.stream()
                        .map(Schemas::kindOf)
                        .filter(Schemas.NOT_VALIDATED::contains)
                        .distinct())
                .as("kinds left unvalidated (no schema on Maven Central or npm)")
                .containsAnyElementsOf(Schemas.NOT_VALIDATED)
                .hasSizeLessThanOrEqualTo(Schemas.NOT_VALIDATED.size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void rendersAsKubectlKustomizeDoesWhereKubectlIsInstalled(String overlay) throws Exception {
        Path kubectl = Stream.of(System.getenv("PATH").split(":"))
                .map(dir -> Path.of(dir, "kubectl"))
                .filter(Files::isExecutable)
                .findFirst()
                .orElse(null);
        org.junit.jupiter.api.Assumptions.assumeTrue(
                kubectl != null, "kubectl is not installed: nothing to compare with");
        Process process = new ProcessBuilder(
                        kubectl.toString(),
                        "kustomize",
                        K8S.resolve("overlays/" + overlay).toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        List<JsonNode> theirs = Kustomize.YAML
                .readerFor(JsonNode.class)
                .<JsonNode>readValues(output)
                .readAll();

        assertThat(byName(render(overlay))).isEqualTo(byName(theirs));
    }

    private static Map<String, JsonNode> byName(List<? extends JsonNode> objects) {
        Map<String, JsonNode> map = new TreeMap<>();
        objects.forEach(o -> map.put(Kustomize.name(o), o));
        return map;
    }

    @Test
    void aMisspeltFieldFailsValidationWhateverTheSchema() {
        List<ObjectNode> objects = render("production");
        Map<String, String> misspellings = Map.of(
                "Deployment/intake-service", "/spec/template/spec/containers/0/readinessProbe",
                "NetworkPolicy/gateway", "/spec/policyTypes",
                "KafkaTopic/runonce.intake.v1", "/spec/partitions",
                "Kafka/runonce-kafka", "/spec/kafka/listeners/0/authentication",
                "KafkaUser/approval-service", "/spec/authorization/acls/0/operations",
                "Cluster/runonce-postgres", "/spec/managed/roles/0/passwordSecret",
                "ScheduledBackup/runonce-postgres-nightly", "/spec/schedule",
                "KeycloakRealmImport/runonce-realm", "/spec/realm/bruteForceProtected",
                "ServiceMonitor/runonce", "/spec/endpoints/0/interval",
                "PrometheusRule/runonce", "/spec/groups/0/rules/0/expr");
        misspellings.forEach((name, path) -> {
            ObjectNode object = objects.stream()
                    .filter(o -> Kustomize.name(o).equals(name))
                    .findFirst()
                    .orElseThrow()
                    .deepCopy();
            assertThat(SCHEMAS.violations(object)).as(name).isEmpty();

            misspell(object, path);

            assertThat(SCHEMAS.violations(object))
                    .as(name + " with " + path + " misspelt")
                    .isNotEmpty();
        });
    }

    @Test
    void aValueOfTheWrongTypeFailsCloudNativePgValidation() {
        ObjectNode cluster = render("production").stream()
                .filter(o -> Kustomize.name(o).equals("Cluster/runonce-postgres"))
                .findFirst()
                .orElseThrow()
                .deepCopy();
        assertThat(SCHEMAS.violations(cluster)).isEmpty();

        ((ObjectNode) cluster.path("spec")).put("instances", "three");

        assertThat(SCHEMAS.violations(cluster)).anySatisfy(v -> assertThat(v).contains("instances"));
    }

    /** Renames the last field of {@code path}: readinessProbe -> readinesProbe. */
    private static void misspell(ObjectNode object, String path) {
        String field = path.substring(path.lastIndexOf('/') + 1);
        String parent = path.substring(0, path.lastIndexOf('/'));
        ObjectNode holder = (ObjectNode) object.at(parent);
        String wrong = field.replaceFirst("([a-z])\\1|([a-z])([a-z])$", "$1$2");
        assertThat(wrong).isNotEqualTo(field);
        holder.set(wrong, holder.remove(field));
    }

    @Test
    void kustomizeFeaturesOutsideTheSubsetAreRefused() throws IOException {
        Path dir = Files.createTempDirectory("kustomize");
        Files.writeString(dir.resolve("kustomization.yaml"), "commonLabels:\n  a: b\n");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Kustomize.render(dir))
                .hasMessageContaining("commonLabels");
    }
}
