package org.runonce.catalog.item;

/** What kind of administrative act an item is. */
enum ItemKind {
    /** 行政许可. */
    LICENCE,
    /** 行政确认 (registrations, certifications). */
    CONFIRMATION,
    /** 公共服务. */
    PUBLIC_SERVICE,
    /** 其他行政权力. */
    OTHER
}
