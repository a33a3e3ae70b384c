package org.runonce.intake.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.runonce.contracts.catalog.ItemVersionPublished;
import org.runonce.intake.DemoCatalog;
import org.runonce.intake.IntakeIT;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.node.ObjectNode;

/** The catalog copy built from Kafka, and the optional catch-up from the catalog's snapshot endpoint. */
class CatalogCopyIT extends IntakeIT {

    @Autowired
    CatalogCopy copy;

    @Autowired
    CatalogSnapshotBootstrap bootstrap;

    @Test
    void theCopyHoldsTheDemoCatalogFromKafka() {
        LocalDate today = LocalDate.parse("2026-11-20");
        assertThat(copy.itemInForce("samr-company-registration", today))
                .hasValueSatisfying(item -> assertThat(item.certificateType()).contains("BUSINESS_LICENCE"));
        assertThat(copy.itemInForce("samr-company-registration", LocalDate.parse("2025-12-31")))
                .isEmpty();
        assertThat(copy.bundle("newborn").orElseThrow().itemCodes()).hasSize(4);
        assertThat(copy.department("HSA").orElseThrow().name().zh()).isEqualTo("医疗保障局");
        // National Day 2026 and its make-up Saturday come from the calendar events
        assertThat(copy.calendar("330000").isWorkingDay(LocalDate.parse("2026-10-05")))
                .isFalse();
        assertThat(copy.calendar("330000").isWorkingDay(LocalDate.parse("2026-10-10")))
                .isTrue();
    }

    @Test
    void aSnapshotOfTheCatalogIsAppliedLikeItsEvents() throws Exception {
        ObjectNode item = (ObjectNode) DemoCatalog.events().stream()
                .filter(e -> e.subject().equals("hrss-unemployment-benefit"))
                .findFirst()
                .orElseThrow()
                .data()
                .deepCopy();
        item.put("itemCode", "it-snapshot-item");
        String snapshot = json.writeValueAsString(new CatalogSnapshotBootstrap.Snapshot(
                List.of(), List.of(json.treeToValue(item, ItemVersionPublished.class)), List.of(), List.of(), null));
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/catalog/snapshot", exchange -> {
            byte[] body = snapshot.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (var out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        try {
            assertThat(bootstrap.load("http://127.0.0.1:" + server.getAddress().getPort() + "/api/catalog/snapshot"))
                    .isTrue();
        } finally {
            server.stop(0);
        }
        assertThat(copy.itemInForce("it-snapshot-item", LocalDate.parse("2026-11-20")))
                .isPresent();
        assertThat(bootstrap.load("http://127.0.0.1:1/api/catalog/snapshot")).isFalse();
    }
}
