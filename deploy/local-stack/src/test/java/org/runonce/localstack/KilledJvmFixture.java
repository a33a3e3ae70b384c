package org.runonce.localstack;

import java.util.concurrent.CountDownLatch;

/** A test JVM that starts the shared servers, reports them and waits to be killed; see {@link KilledJvmIT}. */
public final class KilledJvmFixture {

    static final String READY = "READY";

    private KilledJvmFixture() {}

    public static void main(String[] args) throws Exception {
        Postgres postgres = LocalInfrastructure.postgres();
        String url = postgres.jdbcUrl("fixture");
        EmbeddedPostgresIT.execute(url, "CREATE TABLE note (text varchar(100))");
        EmbeddedPostgresIT.execute(url, "INSERT INTO note VALUES ('written before the kill')");
        EmbeddedKafka kafka = (EmbeddedKafka) LocalInfrastructure.kafka();
        System.out.println(READY + " " + LocalInfrastructure.directory() + " " + kafka.pid());
        System.out.flush();
        new CountDownLatch(1).await(); // until killed
    }
}
