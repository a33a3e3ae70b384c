package org.runonce.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.runonce.contracts.Topics;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What would otherwise break only in a cluster: the manifests against the code they deploy (topics, databases,
 * properties, ports, probes) and against each other (NetworkPolicies against the addresses the services are given).
 */
class ConsistencyTest {

    static final Path ROOT = Path.of(System.getProperty("runonce.root", "../.."));
    static final List<String> SERVICES = List.of("catalog", "intake", "approval", "notification");

    /** Spring Boot's own properties the Deployments set, beyond those the platform's code and local stack set. */
    static final Set<String> SPRING_BOOT = Set.of(
            "server.port",
            "spring.datasource.username",
            "spring.datasource.password",
            "spring.kafka.security.protocol",
            "spring.kafka.ssl.trust-store-type",
            "spring.kafka.ssl.trust-store-location",
            "spring.kafka.properties.sasl.mechanism",
            "spring.kafka.properties.sasl.jaas.config",
            "logging.structured.format.console",
            "spring.kafka.admin.auto-create",
            "management.endpoint.health.group.readiness.include",
            "management.metrics.distribution.percentiles-histogram.http.server.requests");

    private static String source(String path) {
        try {
            return Files.readString(ROOT.resolve(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode yml(String service) {
        String module = service.equals("gateway") ? "gateway" : service + "-service";
        return Kustomize.readAll(ROOT.resolve(module + "/src/main/resources/application.yml"))
                .getFirst();
    }

    private static List<ObjectNode> objects(String overlay, String kind) {
        return ManifestsTest.render(overlay).stream()
                .filter(o -> o.path("kind").asString().equals(kind))
                .toList();
    }

    private static JsonNode named(List<ObjectNode> objects, String name) {
        return objects.stream()
                .filter(o -> o.path("metadata").path("name").asString().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + name));
    }

    /** Environment of a Deployment's container: its ConfigMap's data and its env (secret refs as "secret:name/key"). */
    private static Map<String, String> environment(String overlay, String app) {
        Map<String, String> env = new LinkedHashMap<>();
        JsonNode container = named(objects(overlay, "Deployment"), app).at("/spec/template/spec/containers/0");
        for (JsonNode from : container.path("envFrom")) {
            named(objects(overlay, "ConfigMap"), from.at("/configMapRef/name").asString())
                    .path("data")
                    .properties()
                    .forEach(e -> env.put(e.getKey(), e.getValue().asString()));
        }
        for (JsonNode e : container.path("env")) {
            env.put(
                    e.path("name").asString(),
                    e.has("value")
                            ? e.path("value").asString()
                            : "secret:" + e.at("/valueFrom/secretKeyRef/name").asString() + "/"
                                    + e.at("/valueFrom/secretKeyRef/key").asString());
        }
        return env;
    }

    private static String app(String service) {
        return service.equals("gateway") ? "gateway" : service + "-service";
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void everyTopicOfTheContractsAndEveryDeadLetterTopicOfAConsumedOneHasAKafkaTopic(String overlay) throws Exception {
        Map<String, JsonNode> topics = new HashMap<>();
        objects(overlay, "KafkaTopic")
                .forEach(t -> topics.put(t.path("metadata").path("name").asString(), t));
        Set<String> expected = new TreeSet<>();
        for (String service : SERVICES) {
            String topic = (String) Topics.class.getField(service.toUpperCase()).get(null);
            expected.add(topic);
            JsonNode events = yml(service).path("runonce").path("events");
            JsonNode declared = topics.get(topic);
            assertThat(declared).as(topic).isNotNull();
            assertThat(declared.at("/spec/partitions").asInt())
                    .as(topic + " partitions (runonce.events.partitions, else the broker's num.partitions)")
                    .isEqualTo(events.path("partitions")
                            .asInt(named(objects(overlay, "Kafka"), "runonce-kafka")
                                    .at("/spec/kafka/config/num.partitions")
                                    .asInt()));
            assertThat(declared.at("/spec/config/retention.ms").asString("broker default"))
                    .as(topic + " retention (runonce.events.topic-config)")
                    .isEqualTo(
                            events.path("topic-config").path("[retention.ms]").asString("broker default"));
            consumedTopics(service).forEach(consumed -> expected.add(consumed + ".dlt"));
        }
        assertThat(topics.keySet()).containsExactlyInAnyOrderElementsOf(expected);
    }

    private static final Pattern LISTENER = Pattern.compile("@KafkaListener\\(([^)]*)\\)", Pattern.DOTALL);
    private static final Pattern TOPIC_CONSTANT = Pattern.compile("Topics\\.(\\w+)");

    /** The topics the service's @KafkaListeners read. */
    static Set<String> consumedTopics(String service) throws Exception {
        Set<String> consumed = new TreeSet<>();
        try (Stream<Path> files = Files.walk(ROOT.resolve(service + "-service/src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher listener = LISTENER.matcher(Files.readString(file));
                while (listener.find()) {
                    Matcher constant = TOPIC_CONSTANT.matcher(listener.group(1));
                    while (constant.find()) {
                        consumed.add((String)
                                Topics.class.getField(constant.group(1)).get(null));
                    }
                }
            }
        }
        return consumed;
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void everyServiceKafkaUserMayReadWhatItConsumesAndWriteItsOwnTopic(String overlay) throws Exception {
        for (String service : SERVICES) {
            JsonNode acls = named(objects(overlay, "KafkaUser"), app(service)).at("/spec/authorization/acls");
            Map<String, Set<String>> granted = new HashMap<>();
            acls.forEach(acl -> acl.path("operations")
                    .forEach(op -> granted.computeIfAbsent(
                                    acl.at("/resource/name").asString(), k -> new TreeSet<>())
                            .add(op.asString())));
            assertThat(granted.get((String)
                            Topics.class.getField(service.toUpperCase()).get(null)))
                    .contains("Write");
            for (String topic : consumedTopics(service)) {
                assertThat(granted.get(topic)).as(service + " reads " + topic).contains("Read");
                assertThat(granted.get(topic + ".dlt"))
                        .as(service + " dead-letters " + topic)
                        .contains("Write");
            }
            assertThat(environment(overlay, app(service)).get("SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG"))
                    .isEqualTo("secret:" + app(service) + "/sasl.jaas.config");
        }
    }

    /** The services storing personal data take its keys from their Secret, which create-secrets.sh makes. */
    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void personalDataKeysComeFromTheSecretTheScriptCreates(String overlay) {
        String script = source("deploy/k8s/create-secrets.sh");
        for (String service : List.of("intake", "notification", "approval")) {
            Map<String, String> env = environment(overlay, app(service));
            String secret = service + "-personal-data-key";
            assertThat(env)
                    .containsEntry("RUNONCE_PERSONALDATA_KEYID", "secret:" + secret + "/id")
                    .containsEntry("RUNONCE_PERSONALDATA_KEY", "secret:" + secret + "/key")
                    .containsEntry("RUNONCE_PERSONALDATA_INDEXKEY", "secret:" + secret + "/index-key");
        }
        assertThat(script)
                .contains("for service in intake notification approval")
                .contains("\"$service-personal-data-key\"")
                .contains("--from-literal=id=", "--from-literal=key=", "--from-literal=index-key=");
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void everyDatabaseAServiceUsesExistsInTheClusterOwnedByTheRoleWhosePasswordItIsGiven(String overlay) {
        JsonNode cluster =
                named(objects(overlay, "Cluster"), "runonce-postgres").path("spec");
        Map<String, String> owners = new HashMap<>(); // database -> owner
        Map<String, String> passwords = new HashMap<>(); // role -> secret
        JsonNode initdb = cluster.at("/bootstrap/initdb");
        owners.put(initdb.path("database").asString(), initdb.path("owner").asString());
        passwords.put(initdb.path("owner").asString(), initdb.at("/secret/name").asString());
        Pattern create = Pattern.compile("CREATE DATABASE (\\w+) OWNER (\\w+)");
        initdb.path("postInitSQL").forEach(sql -> {
            Matcher m = create.matcher(sql.asString());
            if (m.matches()) {
                owners.put(m.group(1), m.group(2));
            }
        });
        cluster.at("/managed/roles")
                .forEach(r -> passwords.put(
                        r.path("name").asString(), r.at("/passwordSecret/name").asString()));

        for (String service : SERVICES) {
            Map<String, String> env = environment(overlay, app(service));
            String database = URI.create(env.get("SPRING_DATASOURCE_URL").substring(5))
                    .getPath()
                    .substring(1);
            assertThat(owners).as(service + "'s database").containsKey(database);
            String secret = passwords.get(owners.get(database));
            assertThat(env.get("SPRING_DATASOURCE_PASSWORD")).isEqualTo("secret:" + secret + "/password");
            assertThat(env.get("SPRING_DATASOURCE_USERNAME")).isEqualTo("secret:" + secret + "/username");
            assertThat(env.get("SPRING_DATASOURCE_URL")).startsWith("jdbc:postgresql://runonce-postgres-rw:5432/");
        }
        JsonNode keycloak =
                named(objects(overlay, "Keycloak"), "runonce-keycloak").at("/spec/db");
        assertThat(owners).containsKey(keycloak.path("database").asString());
        assertThat(keycloak.at("/passwordSecret/name").asString())
                .isEqualTo(passwords.get(owners.get(keycloak.path("database").asString())));
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void everyEnvironmentVariableIsAPropertyTheServiceReads(String overlay) {
        String topology = source("deploy/local-stack/src/main/java/org/runonce/localstack/platform/Topology.java");
        String defaults = source("service-starter/src/main/java/org/runonce/starter/RunOnceDefaults.java");
        for (String service : List.of("catalog", "intake", "approval", "notification", "gateway")) {
            Set<String> known = new TreeSet<>(SPRING_BOOT);
            Matcher put = Pattern.compile("put\\(\\s*\"([a-z0-9.\\-\\[\\]]+)\"").matcher(topology + defaults);
            while (put.find()) {
                known.add(put.group(1));
            }
            SERVICES.forEach(s -> known.add("runonce.gateway.services." + s));
            flatten("", yml(service), known);
            for (String variable : environment(overlay, app(service)).keySet()) {
                assertThat(known.stream().anyMatch(p -> canonical(p).equals(variable))
                                || readByPropertiesRecord(service, variable))
                        .as(app(service) + " sets " + variable + ", which maps to no property it reads")
                        .isTrue();
            }
        }
    }

    /** runonce.intake.catalog.snapshot-url: a component snapshotUrl of a record in IntakeProperties. */
    private static boolean readByPropertiesRecord(String service, String variable) {
        String prefix = "RUNONCE_" + service.toUpperCase() + "_";
        if (!variable.startsWith(prefix)) {
            return false;
        }
        String[] parts = variable.substring(prefix.length()).toLowerCase().split("_");
        String properties = source(service + "-service/src/main/java/org/runonce/" + service + "/"
                + Character.toUpperCase(service.charAt(0)) + service.substring(1) + "Properties.java");
        String record = "record " + Character.toUpperCase(parts[0].charAt(0)) + parts[0].substring(1) + "(";
        int at = properties.indexOf(record);
        return parts.length == 2
                && at >= 0
                && Pattern.compile("(?i)\\b" + parts[1] + "\\b")
                        .matcher(properties.substring(at))
                        .find();
    }

    private static void flatten(String prefix, JsonNode node, Set<String> into) {
        if (node.isObject()) {
            node.properties()
                    .forEach(e -> flatten(prefix + (prefix.isEmpty() ? "" : ".") + e.getKey(), e.getValue(), into));
        } else {
            into.add(prefix);
        }
    }

    /** The environment variable Spring's relaxed binding reads a property from. */
    static String canonical(String property) {
        return property.replace("-", "").replace(".", "_").toUpperCase();
    }

    /** No overlay, not even local, lets a service encrypt personal data with a published demo key. */
    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void noServiceMayUseThePublishedDemoKeys(String overlay) {
        for (String service : List.of("catalog", "intake", "approval", "notification", "gateway")) {
            assertThat(environment(overlay, app(service)).keySet())
                    .as(service)
                    .noneMatch(name ->
                            name.replaceAll("[^A-Za-z]", "").equalsIgnoreCase("runoncepersonaldataallowdemokeys"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void portsProbesAndShutdownMatchTheServices(String overlay) {
        String defaults = source("service-starter/src/main/java/org/runonce/starter/RunOnceDefaults.java");
        assertThat(defaults).contains("p.put(\"management.endpoint.health.probes.enabled\", true)");
        assertThat(defaults).contains("p.put(\"server.shutdown\", \"graceful\")");
        Matcher phase =
                Pattern.compile("timeout-per-shutdown-phase\", \"(\\d+)s\"").matcher(defaults);
        assertThat(phase.find()).isTrue();
        for (String service : List.of("catalog", "intake", "approval", "notification", "gateway")) {
            int port = yml(service).at("/server/port").asInt();
            JsonNode pod = named(objects(overlay, "Deployment"), app(service)).at("/spec/template/spec");
            JsonNode container = pod.at("/containers/0");
            assertThat(container.at("/ports/0/containerPort").asInt())
                    .as(service)
                    .isEqualTo(port);
            assertThat(environment(overlay, app(service)).get("SERVER_PORT")).isEqualTo(Integer.toString(port));
            assertThat(named(objects(overlay, "Service"), app(service))
                            .at("/spec/ports/0/port")
                            .asInt())
                    .isEqualTo(port);
            assertThat(container.at("/readinessProbe/httpGet/path").asString()).isEqualTo("/actuator/health/readiness");
            assertThat(container.at("/livenessProbe/httpGet/path").asString()).isEqualTo("/actuator/health/liveness");
            assertThat(container.at("/startupProbe/httpGet/path").asString()).isEqualTo("/actuator/health/liveness");
            // the preStop pause, then Spring's graceful shutdown, within the grace period
            assertThat(pod.path("terminationGracePeriodSeconds").asInt())
                    .isGreaterThan(
                            container.at("/lifecycle/preStop/sleep/seconds").asInt()
                                    + Integer.parseInt(phase.group(1)));
        }
        assertThat(yml("gateway")
                        .at("/management/endpoint/health/probes/enabled")
                        .asBoolean())
                .isTrue();
    }

    /**
     * The egress each service is allowed is exactly what its configuration points at (plus DNS, and the outside world
     * for notification's mail relay and webhooks); the ingress each allows is exactly the egress others have to it,
     * plus the ingress controller for the gateway and Prometheus for all.
     */
    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void networkPoliciesAllowExactlyTheFlowsOfTheArchitecture(String overlay) {
        Map<String, String> hosts = Map.of(
                "runonce-postgres-rw", "postgres",
                "runonce-kafka-kafka-bootstrap", "kafka",
                "runonce-keycloak-service", "keycloak");
        Set<String> configured = new TreeSet<>();
        Set<String> allowedOut = new TreeSet<>();
        Set<String> allowedIn = new TreeSet<>();
        for (String service : List.of("catalog", "intake", "approval", "notification", "gateway")) {
            String app = app(service);
            configured.add(app + " -> dns:53");
            Map<String, String> env = new LinkedHashMap<>(environment(overlay, app));
            // the issuer is compared with the tokens' iss claim, never called: keys come from the JWK Set URI
            env.remove("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUERURI");
            if (env.containsKey("SPRING_MAIL_PORT")) {
                configured.add(app + " -> internet:" + env.get("SPRING_MAIL_PORT"));
            }
            env.values().forEach(value -> {
                Matcher address =
                        Pattern.compile("(?:://|^)([a-z0-9-]+):(\\d+)").matcher(value);
                if (address.find() && !value.startsWith("secret:")) {
                    configured.add(app + " -> " + hosts.getOrDefault(address.group(1), address.group(1)) + ":"
                            + address.group(2));
                }
            });
            JsonNode policy = named(objects(overlay, "NetworkPolicy"), app).path("spec");
            assertThat(policy.path("policyTypes").toString()).contains("Ingress", "Egress");
            for (JsonNode rule : policy.path("egress")) {
                for (JsonNode to : rule.path("to")) {
                    for (JsonNode port : rule.path("ports")) {
                        allowedOut.add(app + " -> " + peer(to) + ":"
                                + port.path("port").asInt());
                    }
                }
            }
            for (JsonNode rule : policy.path("ingress")) {
                for (JsonNode from : rule.path("from")) {
                    for (JsonNode port : rule.path("ports")) {
                        allowedIn.add(peer(from) + " -> " + app + ":"
                                + port.path("port").asInt());
                    }
                }
            }
        }
        Set<String> expectedOut = new TreeSet<>(configured.stream()
                .map(f -> f.replace(" -> dns:53", " -> dns:53"))
                .toList());
        // notification: the mail relay (spring.mail.port) and department systems' webhooks (https) are outside
        expectedOut.add("notification-service -> internet:443");
        Set<String> expectedIn = new TreeSet<>();
        for (String flow : expectedOut) {
            String[] ends = flow.split(" -> ");
            if (ends[1].endsWith("-service:" + ends[1].replaceAll(".*:", "")) && !ends[1].startsWith("runonce-")) {
                expectedIn.add(flow);
            }
        }
        for (String service : List.of("catalog", "intake", "approval", "notification", "gateway")) {
            int port = yml(service).at("/server/port").asInt();
            expectedIn.add("monitoring -> " + app(service) + ":" + port);
        }
        expectedIn.add("ingress-nginx -> gateway:8080");

        assertThat(allowedOut).containsExactlyInAnyOrderElementsOf(expectedOut);
        assertThat(allowedIn).containsExactlyInAnyOrderElementsOf(expectedIn);
    }

    /**
     * Every platform meter the dashboard charts and the alert rules watch is one the code registers (Prometheus names:
     * dots to underscores).
     */
    @org.junit.jupiter.api.Test
    void theDashboardAndTheAlertsUseMetersTheServicesRegister() throws IOException {
        JsonNode dashboard =
                Kustomize.YAML.readTree(Files.readString(ROOT.resolve("deploy/k8s/monitoring/runonce-dashboard.json")));
        StringBuilder code = new StringBuilder();
        for (String module : List.of(
                "service-starter",
                "catalog-service",
                "intake-service",
                "approval-service",
                "notification-service",
                "gateway")) {
            try (Stream<Path> files = Files.walk(ROOT.resolve(module).resolve("src/main/java"))) {
                for (Path file :
                        files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    code.append(Files.readString(file));
                }
            }
        }
        String alerts = Files.readString(ROOT.resolve("deploy/k8s/monitoring/prometheusrule.yaml"));
        Matcher metric = Pattern.compile("\\b(runonce_[a-z_]+?)(_total)?[{\\[]").matcher(dashboard + alerts);
        int found = 0;
        while (metric.find()) {
            found++;
            assertThat(code.toString())
                    .as(metric.group(1))
                    .contains("\"" + metric.group(1).replace('_', '.') + "\"");
        }
        assertThat(found).isGreaterThanOrEqualTo(6);
        assertThat(dashboard.findValues("expr"))
                .allSatisfy(e -> assertThat(e.asString()).contains("namespace=\"$namespace\""));
    }

    /** The component a NetworkPolicy peer selects. */
    private static String peer(JsonNode peer) {
        JsonNode pods = peer.at("/podSelector/matchLabels");
        if (pods.has("app.kubernetes.io/name")) {
            return pods.path("app.kubernetes.io/name").asString();
        }
        if (pods.has("cnpg.io/cluster")) {
            return "postgres";
        }
        if (pods.has("strimzi.io/cluster")) {
            return "kafka";
        }
        if (pods.has("app.kubernetes.io/instance")) {
            return "keycloak";
        }
        if (pods.has("k8s-app")) {
            return "dns";
        }
        if (peer.has("ipBlock")) {
            return "internet";
        }
        return peer.at("/namespaceSelector/matchLabels/kubernetes.io~1metadata.name")
                .asString("?");
    }
}
