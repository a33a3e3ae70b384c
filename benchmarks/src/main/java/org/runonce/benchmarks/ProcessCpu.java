package org.runonce.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * CPU time of every process of the platform, read from {@code /proc/<pid>/stat} (Linux): user plus system time of
 * this JVM and of each of its descendants, plus the time of their children that already ended (PostgreSQL's
 * backends), grouped by what the process is. Far steadier than rates on a shared machine: what a submission costs
 * does not depend on what else runs beside it.
 */
final class ProcessCpu {

    /** This JVM: the load generator and the in-process SMTP server (GreenMail). */
    static final String LOAD_GENERATOR = "load generator + SMTP";

    /** Clock ticks per second of {@code /proc} times; 100 on every Linux the platform runs on. */
    private static final double TICKS_PER_SECOND = 100.0;

    private ProcessCpu() {}

    /**
     * Process group -> CPU milliseconds used so far, for this JVM, its descendants and the PostgreSQL server
     * listening on {@code postgresPort} (pg_ctl starts it detached, so it is no descendant); empty where {@code /proc}
     * does not exist.
     */
    static Map<String, Double> sample(int postgresPort) {
        Map<String, Double> millis = new TreeMap<>();
        if (!Files.isDirectory(Path.of("/proc/self"))) {
            return millis;
        }
        ProcessHandle self = ProcessHandle.current();
        Stream<ProcessHandle> postgres = ProcessHandle.allProcesses()
                .filter(p -> isPostmaster(commandLine(p.pid()), postgresPort))
                .flatMap(p -> Stream.concat(Stream.of(p), p.descendants()));
        Stream.concat(Stream.concat(Stream.of(self), self.descendants()), postgres)
                .distinct()
                .forEach(process -> {
                    double used = millisOf(process.pid());
                    if (used > 0) {
                        millis.merge(
                                process.equals(self) ? LOAD_GENERATOR : groupOf(commandLine(process.pid())),
                                used,
                                Double::sum);
                    }
                });
        return millis;
    }

    /** {@code after - before} per group, divided by {@code count}. */
    static Map<String, Double> per(Map<String, Double> before, Map<String, Double> after, long count) {
        Map<String, Double> per = new TreeMap<>();
        after.forEach((group, millis) -> per.put(group, (millis - before.getOrDefault(group, 0.0)) / count));
        return per;
    }

    private static boolean isPostmaster(String command, int port) {
        return command.contains("bin/postgres ") && command.contains("-p " + port);
    }

    /** The whole command line from {@code /proc/<pid>/cmdline} (ProcessHandle.Info may cut long ones), or "". */
    private static String commandLine(long pid) {
        try {
            byte[] line = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"));
            return new String(line, StandardCharsets.UTF_8).replace('\0', ' ');
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    private static String groupOf(String command) {
        for (String application : org.runonce.localstack.LocalPlatform.APPLICATIONS) {
            if (command.contains(application)) {
                return application;
            }
        }
        if (command.contains("bin/postgres") || command.startsWith("postgres:")) {
            return "postgresql";
        }
        if (command.contains("keycloak") || command.contains("quarkus")) {
            return "keycloak";
        }
        if (command.contains("kafka")) {
            return "kafka";
        }
        if (command.contains("Watchdog")) {
            return "watchdog";
        }
        return "other: " + command.substring(0, Math.min(60, command.length()));
    }

    /** utime + stime + cutime + cstime of one process, in milliseconds; 0 if it is gone. */
    private static double millisOf(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // fields after the command, which is in parentheses and may contain spaces
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // fields[0] is field 3 (state): utime is field 14, stime 15, cutime 16, cstime 17
            long ticks = Long.parseLong(fields[11])
                    + Long.parseLong(fields[12])
                    + Long.parseLong(fields[13])
                    + Long.parseLong(fields[14]);
            return ticks * 1000 / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
