package org.runonce.localstack.kafka;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.Uuid;

/** The broker JVM's configuration files and command line, written into its data directory on every start. */
final class BrokerCommand {

    static final String MAIN_CLASS = KafkaBrokerMain.class.getName();
    private static final List<String> CLASSPATH_RESOURCES =
            List.of("kafka-server.classpath", "kafka-server-shared.classpath");

    private BrokerCommand() {}

    static Path writeConfiguration(Path dataDirectory, int port, int controllerPort) throws IOException {
        Path configDirectory = Files.createDirectories(dataDirectory.resolve("config"));
        Properties server = new Properties();
        server.setProperty("process.roles", "broker,controller");
        server.setProperty("node.id", "1");
        server.setProperty("controller.quorum.voters", "1@localhost:" + controllerPort);
        server.setProperty("listeners", "PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort);
        server.setProperty("advertised.listeners", "PLAINTEXT://localhost:" + port);
        server.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        server.setProperty("controller.listener.names", "CONTROLLER");
        server.setProperty("inter.broker.listener.name", "PLAINTEXT");
        server.setProperty("log.dirs", dataDirectory.resolve("data").toString());
        server.setProperty("num.partitions", "1");
        server.setProperty("auto.create.topics.enable", "true");
        // a single node: every internal topic has one replica
        server.setProperty("offsets.topic.replication.factor", "1");
        server.setProperty("offsets.topic.num.partitions", "1");
        server.setProperty("transaction.state.log.replication.factor", "1");
        server.setProperty("transaction.state.log.min.isr", "1");
        server.setProperty("transaction.state.log.num.partitions", "1");
        server.setProperty("share.coordinator.state.topic.replication.factor", "1");
        server.setProperty("share.coordinator.state.topic.min.isr", "1");
        server.setProperty("group.initial.rebalance.delay.ms", "0");
        // after a kill the restarted broker waits until the controller fences its previous session (default 9 s)
        server.setProperty("broker.session.timeout.ms", "3000");
        server.setProperty("broker.heartbeat.interval.ms", "500");
        Path serverProperties = configDirectory.resolve("server.properties");
        try (OutputStream out = Files.newOutputStream(serverProperties)) {
            server.store(out, "Written by " + EmbeddedKafka.class.getName() + " on every start");
        }
        Files.writeString(configDirectory.resolve("log4j2.properties"), """
                # Written by %s on every start. Standard output goes to the broker's log file.
                status = warn
                appender.out.type = Console
                appender.out.name = out
                appender.out.layout.type = PatternLayout
                appender.out.layout.pattern = [%%d] %%p %%m (%%c)%%n
                rootLogger.level = INFO
                rootLogger.appenderRef.out.ref = out
                logger.request.name = kafka.request.logger
                logger.request.level = WARN
                logger.state.name = state.change.logger
                logger.state.level = WARN
                """.formatted(EmbeddedKafka.class.getName()));
        return serverProperties;
    }

    static List<String> command(Path dataDirectory, List<String> jvmOptions, Path serverProperties) throws IOException {
        List<String> classpath = new ArrayList<>(serverClasspath());
        classpath.add(extractMainClass(dataDirectory).toString());
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        command.addAll(jvmOptions);
        command.add("-Dlog4j2.configurationFile="
                + dataDirectory.resolve("config").resolve("log4j2.properties").toUri());
        command.add("-cp");
        command.add(String.join(File.pathSeparator, classpath));
        command.add(MAIN_CLASS);
        command.add(serverProperties.toString());
        command.add(clusterId(dataDirectory));
        return command;
    }

    /** The id the storage is formatted with: random on first start, then kept, as the broker insists on it. */
    private static String clusterId(Path dataDirectory) throws IOException {
        Path file = dataDirectory.resolve("cluster.id");
        if (Files.exists(file)) {
            return Files.readString(file).strip();
        }
        String id = Uuid.randomUuid().toString();
        Files.writeString(file, id);
        return id;
    }

    /**
     * Copies {@link KafkaBrokerMain} out of this module into the data directory, because the class may live in a
     * jar the broker JVM cannot use (e.g. nested in the launcher's executable jar).
     */
    private static Path extractMainClass(Path dataDirectory) throws IOException {
        Path root = dataDirectory.resolve("launcher");
        String resource = MAIN_CLASS.replace('.', '/') + ".class";
        Path target = root.resolve(resource);
        Files.createDirectories(target.getParent());
        try (InputStream in = BrokerCommand.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Class file " + resource + " not found on the classpath");
            }
            Files.write(target, in.readAllBytes());
        }
        return root;
    }

    /** Apache Kafka's server jars, as resolved when this module was built (see its pom). */
    static List<String> serverClasspath() {
        List<String> entries = new ArrayList<>();
        for (String name : CLASSPATH_RESOURCES) {
            try (InputStream in = BrokerCommand.class.getResourceAsStream(name)) {
                if (in == null) {
                    throw new IllegalStateException("Resource " + name + " is missing next to "
                            + BrokerCommand.class.getName()
                            + "; it is generated by the Maven build of deploy/local-stack (generate-resources).");
                }
                String content = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
                Arrays.stream(content.split(File.pathSeparator))
                        .filter(entry -> !entry.isBlank())
                        .forEach(entries::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        List<String> missing =
                entries.stream().filter(entry -> !Files.exists(Path.of(entry))).toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("Kafka server jars are missing from the local Maven repository: " + missing
                    + ". Rebuild deploy/local-stack so Maven resolves them again.");
        }
        return entries;
    }

    private static String javaExecutable() {
        boolean windows = System.getProperty("os.name", "").toLowerCase().contains("win");
        return Path.of(System.getProperty("java.home"), "bin", windows ? "java.exe" : "java")
                .toString();
    }
}
