package org.runonce.catalog.item;

/** Life cycle of an item version: draft, then published (immutable), then possibly retired. */
enum VersionStatus {
    /** Being written; invisible to the public, editable. */
    DRAFT,
    /** Published: content immutable, in force during its validity. */
    PUBLISHED,
    /** Published, then withdrawn: its validity was ended early. Still readable for applications made under it. */
    RETIRED
}
