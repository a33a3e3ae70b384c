package org.runonce.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.runonce.approval.Tokens.caller;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.runonce.approval.audit.AuditTrail;
import org.runonce.approval.cases.CaseQueries;
import org.runonce.approval.cases.CertificateDetails;
import org.runonce.approval.cases.Deciding;
import org.runonce.approval.cases.Reviewing;
import org.runonce.approval.certificate.Certificates;
import org.runonce.contracts.CloudEvent;
import org.runonce.contracts.Topics;
import org.runonce.localstack.LocalInfrastructure;
import org.runonce.starter.testing.MovableClock;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The bundle flow survives the approval service being stopped mid-way, with Kafka crashed at the worst moment: the
 * licence is approved while the broker is dead (state committed, events stuck in the outbox), the service is shut
 * down, the broker comes back, a new instance starts on the same database: the pending events go out, a redelivered
 * ApplicationAccepted opens nothing twice, no case is lost or duplicated, the flow goes on and old certificates
 * still verify. The catalog copy is fed over Kafka here, through the real consumer.
 */
class RestartIT {

    final String database = "approval_restart_" + UUID.randomUUID().toString().substring(0, 8);
    ConfigurableApplicationContext running;

    ConfigurableApplicationContext start() {
        var postgres = LocalInfrastructure.postgres();
        var kafka = LocalInfrastructure.kafka();
        running = new SpringApplicationBuilder(ApprovalApplication.class, TestClockConfiguration.class)
                .run(
                        "--spring.datasource.url=" + postgres.jdbcUrl(database),
                        "--spring.datasource.username=" + postgres.username(),
                        "--spring.datasource.password=" + postgres.password(),
                        "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                        // its own consumer group: the other test contexts of this JVM consume the same topics
                        "--spring.kafka.consumer.group-id=" + database,
                        "--spring.kafka.producer.properties.max.block.ms=3000",
                        "--spring.kafka.producer.properties.request.timeout.ms=3000",
                        "--spring.kafka.producer.properties.delivery.timeout.ms=6000",
                        "--spring.lifecycle.timeout-per-shutdown-phase=5s",
                        "--server.port=0",
                        // the published demo keys of application.yml, as @WithLocalInfrastructure allows them
                        "--runonce.personal-data.allow-demo-keys=true",
                        "--runonce.approval.deadlines.enabled=false",
                        "--runonce.approval.audit.checkpoints=false",
                        "--runonce.events.resubmit-interval=2s",
                        "--runonce.events.resubmit-older-than=1s");
        running.getBean(MovableClock.class).setDay("2026-09-22");
        return running;
    }

    @AfterEach
    void stop() {
        if (running != null) {
            running.close();
        }
        LocalInfrastructure.kafka().start(); // in case a failure left it down; no-op when running
    }

    static int count(JdbcClient jdbc, String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Integer.class).single();
    }

    @Test
    void noCaseIsLostOrDuplicatedAcrossARestartWithKafkaDown() {
        var kafka = LocalInfrastructure.kafka();
        String bootstrap = kafka.bootstrapServers();
        String app = Fixtures.newApplicationNumber();
        String licence = app + "-01";
        var accepted = Fixtures.companyStartupAccepted(app, java.time.Instant.parse("2026-09-22T02:00:00Z"));

        // first instance: catalog and application arrive over Kafka
        var first = start();
        var jdbc = first.getBean(JdbcClient.class);
        Fixtures.send(bootstrap, Topics.CATALOG, Fixtures.catalogEvents());
        await().atMost(Duration.ofSeconds(60))
                .until(() -> count(jdbc, "select count(*) from catalog_item_version")
                                == Fixtures.items().size()
                        && count(jdbc, "select count(*) from catalog_calendar") == 1);
        Fixtures.send(bootstrap, Topics.INTAKE, List.of(accepted));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> count(jdbc, "select count(*) from approval_case where application_number = ?", app) == 5);
        String kid = first.getBean(JdbcClient.class)
                .sql("select kid from signing_key")
                .query(String.class)
                .single();

        // the licence is approved while the broker is dead: the state commits, the events wait in the outbox
        kafka.kill();
        String certificate;
        try {
            var reviewing = first.getBean(Reviewing.class);
            var deciding = first.getBean(Deciding.class);
            var li = caller("li.samr", "SAMR", "reviewer");
            reviewing.startReview(licence, li);
            reviewing.advance(licence, null, li);
            certificate = deciding.approve(
                            licence,
                            null,
                            null,
                            new CertificateDetails(null, null, java.util.Map.of("registeredCapital", "100万元"), null),
                            li)
                    .decision()
                    .certificateNumber();
            assertThat(count(jdbc, "select count(*) from event_publication where completion_date is null"))
                    .isPositive();
            first.close(); // stopped mid-way, events still pending
            running = null;
        } finally {
            kafka.start();
        }

        // a new instance on the same database and broker
        var second = start();
        var jdbc2 = second.getBean(JdbcClient.class);
        // intake redelivers the same event, and publishes it once more under a new id
        var again = CloudEvent.of(
                UUID.randomUUID().toString(),
                accepted.source(),
                accepted.type(),
                accepted.time(),
                app,
                accepted.data());
        Fixtures.send(bootstrap, Topics.INTAKE, List.of(accepted, again));
        String marker = Fixtures.newApplicationNumber();
        Fixtures.send(
                bootstrap,
                Topics.INTAKE,
                List.of(Fixtures.companyStartupAccepted(marker, java.time.Instant.parse("2026-09-22T03:00:00Z"))));
        await().atMost(Duration.ofSeconds(60))
                .until(() ->
                        count(jdbc2, "select count(*) from approval_case where application_number = ?", marker) == 5);

        // nothing lost, nothing twice
        assertThat(count(jdbc2, "select count(*) from approval_case where application_number = ?", app))
                .isEqualTo(5);
        assertThat(count(
                        jdbc2,
                        "select count(*) from approval_case where application_number = ? and status = 'PENDING'",
                        app))
                .isEqualTo(4);
        assertThat(count(jdbc2, "select count(*) from certificate where application_number = ?", app))
                .isEqualTo(1);
        assertThat(count(jdbc2, "select count(*) from case_material where certificate_number = ?", certificate))
                .isEqualTo(4);
        var audit = second.getBean(AuditTrail.class);
        for (int i = 1; i <= 5; i++) {
            String number = app + "-0" + i;
            assertThat(audit.verify(number).intact()).as(number).isTrue();
            assertThat(count(
                            jdbc2,
                            "select count(*) from audit_entry where case_number = ? and action = 'OPENED'",
                            number))
                    .isEqualTo(1);
        }

        // the events stuck at the crash went out after the restart: one decision, four starts, one certificate
        try (var topic = new ApprovalTopic(bootstrap)) {
            var records = topic.awaitRecords(
                    ApprovalTopic.ofApplication(app),
                    // (the other test contexts of this JVM, on another database, opened the same cases too and
                    // announced that; only this instance's licence was approved)
                    seen -> ids(seen, ".case.started.v1").size() == 4
                            && ids(seen, ".case.decided.v1").size() == 1
                            && ids(seen, ".certificate.issued.v1").size() == 1,
                    Duration.ofSeconds(90));
            assertThat(records.stream()
                            .filter(r -> r.type().endsWith(".case.started.v1"))
                            .map(ApprovalTopic.Received::subject)
                            .collect(Collectors.toSet()))
                    .isEqualTo(Set.of(app + "-02", app + "-03", app + "-04", app + "-05"));
        }
        await().atMost(Duration.ofSeconds(30))
                .until(() -> count(jdbc2, "select count(*) from event_publication where completion_date is null") == 0);

        // the flow goes on in the new instance, and the certificate signed before the restart still verifies
        var reviewing = second.getBean(Reviewing.class);
        var deciding = second.getBean(Deciding.class);
        var zhao = caller("zhao.psb", "PSB", "reviewer");
        reviewing.startReview(app + "-02", zhao);
        reviewing.advance(app + "-02", null, zhao);
        assertThat(deciding.approve(app + "-02", null, null, CertificateDetails.NONE, zhao)
                        .status())
                .isEqualTo("APPROVED");
        var certificates = second.getBean(Certificates.class);
        var verification =
                certificates.verify(certificates.find(certificate).orElseThrow().jws());
        assertThat(verification.valid()).isTrue();
        assertThat(jdbc2.sql("select count(*) from signing_key")
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        assertThat(certificates.find(certificate).orElseThrow().keyId()).isEqualTo(kid);
        assertThat(second.getBean(CaseQueries.class)
                        .view(app + "-02", caller("zhao.psb", "PSB", "reviewer"))
                        .materials())
                .anySatisfy(m -> assertThat(m.certificateNumber()).isEqualTo(certificate));
    }

    static Set<String> ids(List<ApprovalTopic.Received> records, String typeSuffix) {
        return records.stream()
                .filter(r -> r.type().endsWith(typeSuffix))
                .map(r -> r.event().get("id").asString())
                .collect(Collectors.toSet());
    }
}
