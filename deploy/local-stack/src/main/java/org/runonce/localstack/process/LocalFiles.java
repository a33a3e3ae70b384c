package org.runonce.localstack.process;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/** File helpers of the local stack: log tails for error messages, pid files, recursive deletion, where things live. */
public final class LocalFiles {

    private static final int TAIL_BYTES = 16 * 1024;

    private LocalFiles() {}

    /** The last {@code lines} lines of {@code file}, indented, for an error message; never throws. */
    static String tail(Path file, int lines) {
        if (!Files.isRegularFile(file)) {
            return "    (no log at " + file + ")";
        }
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long start = Math.max(0, in.length() - TAIL_BYTES);
            byte[] bytes = new byte[(int) (in.length() - start)];
            in.seek(start);
            in.readFully(bytes);
            List<String> all = new String(bytes, StandardCharsets.UTF_8).lines().toList();
            List<String> last = all.subList(Math.max(0, all.size() - lines), all.size());
            return "    " + String.join(System.lineSeparator() + "    ", last);
        } catch (IOException e) {
            return "    (could not read " + file + ": " + e.getMessage() + ")";
        }
    }

    /** A message followed by the tail of a log file. */
    public static String withLogTail(String message, Path logFile) {
        return message + System.lineSeparator() + "Last lines of " + logFile + ":" + System.lineSeparator()
                + tail(logFile, 40);
    }

    /** The process id in the first line of {@code pidFile}, if the file exists and holds one. */
    public static Optional<Long> readPid(Path pidFile) {
        try {
            if (!Files.isRegularFile(pidFile)) {
                return Optional.empty();
            }
            return Files.readAllLines(pidFile).stream()
                    .findFirst()
                    .map(String::strip)
                    .filter(line -> line.matches("\\d+"))
                    .map(Long::parseLong);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * Moves {@code logFile} to {@code <logFile>.1} (replacing an older one) when it exceeds {@code maxBytes}, so that
     * the logs of a persistent setup, which servers append to on every start, stay bounded.
     */
    public static void rotateIfLarger(Path logFile, long maxBytes) {
        try {
            if (Files.isRegularFile(logFile) && Files.size(logFile) > maxBytes) {
                Files.move(
                        logFile,
                        logFile.resolveSibling(logFile.getFileName() + ".1"),
                        StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException ignored) {
            // keep appending to the big file
        }
    }

    public static void createDirectories(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new IllegalStateException("Could not create directory " + directory, e);
        }
    }

    /** Deletes {@code path} and everything below it; best effort, leaves what it cannot delete. */
    public static void deleteRecursively(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> tree = Files.walk(path)) {
            tree.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // best effort: a file still held open is removed by the next run's clean-up
                }
            });
        } catch (IOException ignored) {
            // best effort, as above
        }
    }

    /** Copies the directory {@code source} and everything below it into {@code target} (created if missing). */
    public static void copyRecursively(Path source, Path target) {
        try (Stream<Path> tree = Files.walk(source)) {
            for (Path from : (Iterable<Path>) tree::iterator) {
                Path to = target.resolve(source.relativize(from).toString());
                if (Files.isDirectory(from)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not copy " + source + " to " + target, e);
        }
    }

    /** The RunOnce repository: the nearest directory at or above the working directory holding {@code mvnw}. */
    public static Path repositoryRoot() {
        Path start = Path.of("").toAbsolutePath().normalize();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("mvnw")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("Not inside the RunOnce repository: no directory at or above " + start
                + " contains mvnw. Run ./runonce start from the repository.");
    }

    /**
     * {@code <runonce home>/test/logs}, where tests keep the logs of the Keycloak and applications they start;
     * entries older than three days are deleted on the way.
     */
    public static Path testLogDirectory(Path runonceHome) {
        Path logs = runonceHome.resolve("test/logs");
        LocalFiles.createDirectories(logs);
        Instant limit = Instant.now().minus(Duration.ofDays(3));
        try (Stream<Path> entries = Files.list(logs)) {
            for (Path entry : entries.toList()) {
                if (Files.getLastModifiedTime(entry).toInstant().isBefore(limit)) {
                    LocalFiles.deleteRecursively(entry);
                }
            }
        } catch (IOException e) {
            // pruning is best effort
        }
        return logs;
    }

    /** {@code yyyyMMdd-HHmmss-<8 random hex digits>}: sortable, unique enough for directory names. */
    public static String uniqueSuffix() {
        return DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").format(LocalDateTime.now()) + "-"
                + UUID.randomUUID().toString().substring(0, 8);
    }
}
