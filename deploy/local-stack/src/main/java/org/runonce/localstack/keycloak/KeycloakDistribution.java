package org.runonce.localstack.keycloak;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Enumeration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.runonce.localstack.process.LocalFiles;

/**
 * The official Keycloak distribution ({@code keycloak-quarkus-dist} zip from Maven Central), unpacked once into
 * {@code ${runonce.home}/dist/keycloak-<version>/}. The build writes the zip's path into the classpath resource
 * {@value #ZIP_PATH_RESOURCE}; the unpacked tree is shared by every Keycloak this repository starts.
 */
public final class KeycloakDistribution {

    static final String ZIP_PATH_RESOURCE = "/org/runonce/localstack/keycloak/keycloak-dist.path";

    /** Written after the first start that completed Quarkus' re-augmentation; later starts need no lock. */
    private static final String AUGMENTED_MARKER = ".runonce-augmented";

    private static final Pattern VERSION = Pattern.compile("keycloak-quarkus-dist-(.+)\\.zip");

    /** File locks are per process; these serialise the threads of one JVM around them, per lock file. */
    private static final Map<Path, ReentrantLock> IN_JVM = new ConcurrentHashMap<>();

    private final Path home;
    private final String version;

    private KeycloakDistribution(Path home, String version) {
        this.home = home;
        this.version = version;
    }

    /** The unpacked distribution under {@code distDirectory}, unpacking it first when needed. */
    public static KeycloakDistribution install(Path distDirectory) {
        Path zip = locateZip();
        String version = versionOf(zip);
        Path home = distDirectory.resolve("keycloak-" + version);
        if (!Files.isRegularFile(home.resolve("bin/kc.sh"))) {
            try (Lock ignored = Lock.acquire(distDirectory.resolve("keycloak-" + version + ".lock"))) {
                if (!Files.isRegularFile(home.resolve("bin/kc.sh"))) {
                    unzip(zip, distDirectory, home);
                }
            }
        }
        return new KeycloakDistribution(home, version);
    }

    /** The Keycloak version this build was made with (from the distribution's file name). */
    static String buildVersion() {
        return versionOf(locateZip());
    }

    private static String versionOf(Path zip) {
        Matcher matcher = VERSION.matcher(zip.getFileName().toString());
        return matcher.matches() ? matcher.group(1) : "unknown";
    }

    public Path home() {
        return home;
    }

    String version() {
        return version;
    }

    public Path launcher() {
        return home.resolve("bin/kc.sh");
    }

    /** Where {@code --import-realm} reads realm files from; fixed by Keycloak to {@code <home>/data/import}. */
    public Path importDirectory() {
        return home.resolve("data/import");
    }

    /** True once a start has re-augmented the distribution with our build options. */
    public boolean isAugmented() {
        return Files.exists(home.resolve(AUGMENTED_MARKER));
    }

    public void markAugmented() {
        try {
            Files.writeString(home.resolve(AUGMENTED_MARKER), version + System.lineSeparator());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * An exclusive lock for the first start: Keycloak rewrites {@code lib/quarkus} in place while it re-augments,
     * so two first starts at once (say a test run and {@code ./runonce start}) must not overlap.
     */
    public Lock lockForFirstStart() {
        return Lock.acquire(home.resolveSibling(home.getFileName() + ".lock"));
    }

    private static Path locateZip() {
        String recorded;
        try (InputStream in = KeycloakDistribution.class.getResourceAsStream(ZIP_PATH_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The Keycloak distribution path is not on the classpath ("
                        + ZIP_PATH_RESOURCE + "). Build the local stack first: ./runonce mvn -pl deploy/local-stack"
                        + " -am package -DskipTests");
            }
            recorded = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path zip = Path.of(recorded.split(java.io.File.pathSeparator)[0]);
        if (recorded.isEmpty() || !Files.isRegularFile(zip)) {
            throw new IllegalStateException("The Keycloak distribution zip '" + recorded + "' recorded at build time"
                    + " does not exist. Rebuild the local stack (./runonce mvn -pl deploy/local-stack -am package"
                    + " -DskipTests), which downloads it from Maven Central.");
        }
        return zip;
    }

    private static void unzip(Path zip, Path distDirectory, Path home) {
        System.out.println("Unpacking Keycloak " + zip.getFileName() + " into " + home + " (once)...");
        Path staging = distDirectory.resolve(
                home.getFileName() + ".unpacking-" + ProcessHandle.current().pid());
        LocalFiles.deleteRecursively(staging);
        try (ZipFile archive = new ZipFile(zip.toFile())) {
            Path root = null;
            Enumeration<? extends ZipEntry> entries = archive.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                Path target = staging.resolve(entry.getName()).normalize();
                if (!target.startsWith(staging)) {
                    throw new IllegalStateException("Unexpected entry " + entry.getName() + " in " + zip);
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                    continue;
                }
                Files.createDirectories(target.getParent());
                try (InputStream in = archive.getInputStream(entry)) {
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
                if (entry.getName().endsWith(".sh")) {
                    target.toFile().setExecutable(true, false);
                }
                Path first = staging.relativize(target).getName(0);
                root = root == null ? first : root;
            }
            if (root == null) {
                throw new IllegalStateException(zip + " is empty");
            }
            // the zip holds one top directory, keycloak-<version>
            LocalFiles.deleteRecursively(home);
            Files.move(staging.resolve(root), home, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not unpack " + zip + " into " + home, e);
        } finally {
            LocalFiles.deleteRecursively(staging);
        }
    }

    /** A blocking exclusive file lock, also exclusive between threads of this JVM. */
    public static final class Lock implements AutoCloseable {

        private final ReentrantLock inJvm;
        private final FileChannel channel;
        private final FileLock fileLock;

        private Lock(ReentrantLock inJvm, FileChannel channel, FileLock fileLock) {
            this.inJvm = inJvm;
            this.channel = channel;
            this.fileLock = fileLock;
        }

        public static Lock acquire(Path file) {
            Path key = file.toAbsolutePath().normalize();
            ReentrantLock inJvm = IN_JVM.computeIfAbsent(key, k -> new ReentrantLock());
            inJvm.lock();
            try {
                Files.createDirectories(key.getParent());
                FileChannel channel = FileChannel.open(key, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                try {
                    return new Lock(inJvm, channel, channel.lock());
                } catch (IOException | RuntimeException e) {
                    channel.close();
                    throw e;
                }
            } catch (IOException e) {
                inJvm.unlock();
                throw new UncheckedIOException("Could not lock " + file, e);
            } catch (RuntimeException e) {
                inJvm.unlock();
                throw e;
            }
        }

        @Override
        public void close() {
            try {
                fileLock.release();
                channel.close();
            } catch (IOException ignored) {
                // closing the channel releases the lock anyway
            } finally {
                inJvm.unlock();
            }
        }
    }
}
