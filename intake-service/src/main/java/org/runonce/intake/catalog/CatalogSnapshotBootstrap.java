package org.runonce.intake.catalog;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.runonce.contracts.catalog.BundlePublished;
import org.runonce.contracts.catalog.CalendarPublished;
import org.runonce.contracts.catalog.CrossRegionListPublished;
import org.runonce.contracts.catalog.DepartmentChanged;
import org.runonce.contracts.catalog.ItemVersionPublished;
import org.runonce.intake.IntakeProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Optional catch-up for an empty copy when the catalog topic no longer holds everything (compacted or expired): reads
 * the catalog's snapshot once at startup, in the shapes of its events, and applies it like events. Replaying the
 * topic afterwards changes nothing that is older. Off unless {@code runonce.intake.catalog.snapshot-url} is set; a
 * failure is logged and the service starts anyway (the topic may still bring everything).
 */
@Component
class CatalogSnapshotBootstrap {

    private static final Logger log = LoggerFactory.getLogger(CatalogSnapshotBootstrap.class);

    /** The catalog's snapshot, as {@code GET /api/catalog/snapshot} answers it. */
    record Snapshot(
            List<DepartmentChanged> departments,
            List<ItemVersionPublished> itemVersions,
            List<BundlePublished> bundles,
            List<CalendarPublished> calendars,
            List<CrossRegionListPublished> crossRegionLists) {}

    private final IntakeProperties properties;
    private final CatalogStore store;
    private final CatalogCopy copy;
    private final TransactionTemplate transactions;
    private final JsonMapper json;

    CatalogSnapshotBootstrap(
            IntakeProperties properties,
            CatalogStore store,
            CatalogCopy copy,
            TransactionTemplate transactions,
            JsonMapper json) {
        this.properties = properties;
        this.store = store;
        this.copy = copy;
        this.transactions = transactions;
        this.json = json;
    }

    @EventListener(ApplicationReadyEvent.class)
    void catchUpIfEmpty() {
        String url = properties.catalog().snapshotUrl();
        if (url == null || url.isBlank() || !copy.isEmpty()) {
            return;
        }
        load(url);
    }

    /** Reads the snapshot at {@code url} and applies it; false (logged) when it cannot be read. */
    boolean load(String url) {
        try (HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
            HttpResponse<byte[]> response = client.send(
                    HttpRequest.newBuilder(URI.create(url))
                            .timeout(Duration.ofSeconds(30))
                            .header("Accept", "application/json")
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                log.warn("Catalog snapshot {} answered {}; relying on the catalog topic", url, response.statusCode());
                return false;
            }
            apply(json.readValue(response.body(), Snapshot.class));
            log.info("Local catalog copy initialized from {}", url);
            return true;
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            log.warn("Catalog snapshot {} could not be read ({}); relying on the catalog topic", url, e.toString());
            return false;
        }
    }

    void apply(Snapshot snapshot) {
        transactions.executeWithoutResult(status -> {
            snapshot.departments().forEach(store::apply);
            snapshot.itemVersions().forEach(store::apply);
            snapshot.bundles().forEach(store::apply);
            snapshot.calendars().forEach(store::apply);
            if (snapshot.crossRegionLists() != null) { // a catalog from before the lists sends none
                snapshot.crossRegionLists().forEach(store::apply);
            }
        });
        copy.changed();
    }
}
