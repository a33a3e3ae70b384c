package org.runonce.localstack.process;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Makes the servers this JVM starts (Keycloak, PostgreSQL, the applications, the Kafka broker) watch it: a small
 * watchdog JVM ({@link WatchdogMain}) ends each one, with its descendants, once this JVM is gone, however it ended.
 * A shutdown hook stops them gracefully first when it can; the watchdog covers {@code kill -9}, a crash, and a hook
 * that did not finish. Started on first use; at most one per JVM.
 */
public final class Watchdog {

    /** How a watched process is asked to stop before SIGKILL. */
    public enum Signal {
        /** SIGTERM: a graceful stop for JVMs. */
        TERM,
        /** SIGINT: PostgreSQL's fast shutdown, which ends open sessions (SIGTERM would wait for them). */
        INT
    }

    /** Seconds between the owner's death and SIGKILL for what did not stop. */
    static final int GRACE_SECONDS = 15;

    private static final System.Logger LOG = System.getLogger(Watchdog.class.getName());
    private static final String MAIN_CLASS = WatchdogMain.class.getName();

    private static Process watchdog;
    private static OutputStream pipe;
    private static boolean unavailable;

    private Watchdog() {}

    /** Ends {@code process} and its descendants if this JVM dies while it runs. */
    public static void watch(ProcessHandle process, Signal signal) {
        send("watch " + process.pid() + " " + signal);
        process.onExit().thenRun(() -> forget(process));
    }

    /** Stops watching {@code process}, e.g. once it was stopped. */
    public static void forget(ProcessHandle process) {
        send("forget " + process.pid());
    }

    /** Process id of the watchdog JVM, if it runs; for tests. */
    static synchronized java.util.Optional<Long> pid() {
        return watchdog != null && watchdog.isAlive()
                ? java.util.Optional.of(watchdog.pid())
                : java.util.Optional.empty();
    }

    private static synchronized void send(String line) {
        if (unavailable || (pipe == null && !start())) {
            return;
        }
        try {
            pipe.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            pipe.flush();
        } catch (IOException e) {
            LOG.log(Level.WARNING, "The watchdog stopped listening ({0}); servers may outlive a killed JVM", e);
            unavailable = true;
        }
    }

    private static boolean start() {
        try {
            Path directory = directory();
            Path log = directory.getParent().resolve("watchdog.log");
            LocalFiles.rotateIfLarger(log, 1024 * 1024);
            List<String> command = List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx16m",
                    "-Xss256k",
                    "-XX:+UseSerialGC",
                    "-XX:TieredStopAtLevel=1",
                    "-XX:-UsePerfData",
                    "-cp",
                    extract(directory).toString(),
                    MAIN_CLASS,
                    Long.toString(ProcessHandle.current().pid()),
                    Integer.toString(GRACE_SECONDS));
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().remove("JAVA_TOOL_OPTIONS");
            watchdog = builder.start();
            pipe = watchdog.getOutputStream(); // stays open until this JVM ends
            return true;
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "Could not start the watchdog; servers may outlive a killed JVM", e);
            unavailable = true;
            return false;
        }
    }

    /** {@code <tmp>/runonce-<user>/watchdog-<hash of the class>}: the class file, shared by all JVMs. */
    private static Path directory() throws IOException {
        return Ports.directory().getParent().resolve("watchdog-" + hash(classBytes()));
    }

    private static Path extract(Path root) throws IOException {
        Path target = root.resolve(MAIN_CLASS.replace('.', '/') + ".class");
        if (!Files.isRegularFile(target)) {
            Files.createDirectories(target.getParent());
            Path staging = Files.createTempFile(target.getParent(), "WatchdogMain", ".tmp");
            Files.write(staging, classBytes());
            Files.move(staging, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        return root;
    }

    private static byte[] classBytes() throws IOException {
        String resource = MAIN_CLASS.replace('.', '/') + ".class";
        try (InputStream in = Watchdog.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("Class file " + resource + " not found on the classpath");
            }
            return in.readAllBytes();
        }
    }

    private static String hash(byte[] bytes) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(bytes))
                    .substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
