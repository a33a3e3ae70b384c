package org.runonce.localstack.kafka;

import java.io.IOException;

/**
 * Entry point of the broker JVM that {@link EmbeddedKafka} starts. It runs with Apache Kafka's server jars and
 * this one class only, so it must use nothing but the JDK and Kafka: it formats the KRaft storage if needed, runs
 * the broker, and exits when its standard input closes, i.e. when the JVM that started it is gone, even if that
 * one was killed with {@code kill -9}.
 */
public final class KafkaBrokerMain {

    private KafkaBrokerMain() {}

    /** Arguments: the server.properties file and the cluster id to format empty storage with. */
    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: KafkaBrokerMain <server.properties> <cluster-id>");
            System.exit(2);
        }
        Thread parentWatch = new Thread(KafkaBrokerMain::exitWhenParentIsGone, "runonce-parent-watch");
        parentWatch.setDaemon(true);
        parentWatch.start();

        int formatted = kafka.tools.StorageTool.execute(
                new String[] {"format", "--config", args[0], "--cluster-id", args[1], "--ignore-formatted"},
                System.out);
        if (formatted != 0) {
            System.err.println("Formatting the KRaft storage failed with exit code " + formatted);
            System.exit(formatted);
        }
        kafka.Kafka.main(new String[] {args[0]});
    }

    private static void exitWhenParentIsGone() {
        try {
            while (System.in.read() >= 0) {
                // the parent never writes; we only wait for end of stream
            }
        } catch (IOException e) {
            // a broken pipe means the parent is gone as well
        }
        System.out.println("Parent process is gone; shutting the broker down");
        System.exit(0); // runs Kafka's shutdown hook: a graceful stop
    }
}
