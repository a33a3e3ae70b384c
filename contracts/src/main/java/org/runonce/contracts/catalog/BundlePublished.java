package org.runonce.contracts.catalog;

import java.time.Instant;
import java.util.List;

/**
 * A bundle ("one thing", 一件事) was defined or redefined; each definition is a new version and replaces the
 * previous one. Dependencies form a DAG: an item starts once the items it depends on are decided, the others run
 * in parallel. Subject and Kafka key: the bundle code.
 *
 * @param bundleCode e.g. {@code company-startup}
 * @param version increases with every definition
 * @param name the bundle's name
 * @param description for applicants, or null
 * @param items the items in a topological order (every item after those it depends on)
 * @param publishedAt when this definition was published
 */
public record BundlePublished(
        String bundleCode, int version, Name name, String description, List<Item> items, Instant publishedAt) {

    /** CloudEvents type. */
    public static final String TYPE = "org.runonce.catalog.bundle.published.v1";

    /**
     * One item of the bundle.
     *
     * @param itemCode the item
     * @param dependsOn items of this bundle whose output (certificate) it needs first
     */
    public record Item(String itemCode, List<String> dependsOn) {}
}
