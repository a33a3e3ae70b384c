/**
 * Cross-region lists (通办清单): per accepting region, the items it accepts for departments of other regions (就近办、
 * 异地办、跨区域通办; a township service point for its county's departments the same way), published as an event.
 */
package org.runonce.catalog.crossregion;
