package org.runonce.localstack;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** File helpers of the local stack: log tails for error messages, pid files, recursive deletion. */
final class LocalFiles {

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
    static String withLogTail(String message, Path logFile) {
        return message + System.lineSeparator() + "Last lines of " + logFile + ":" + System.lineSeparator()
                + tail(logFile, 40);
    }

    /** The process id in the first line of {@code pidFile}, if the file exists and holds one. */
    static Optional<Long> readPid(Path pidFile) {
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
    static void rotateIfLarger(Path logFile, long maxBytes) {
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

    static void createDirectories(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new IllegalStateException("Could not create directory " + directory, e);
        }
    }

    /** Deletes {@code path} and everything below it; best effort, leaves what it cannot delete. */
    static void deleteRecursively(Path path) {
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
}
