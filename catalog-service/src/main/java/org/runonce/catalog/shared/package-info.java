/**
 * The catalog's small shared kernel: bilingual names and refusals. Domain code throws refusals, the web layer
 * renders them as RFC 9457 problems.
 */
package org.runonce.catalog.shared;
