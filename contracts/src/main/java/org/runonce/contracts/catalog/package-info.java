/**
 * Events the catalog publishes on {@link org.runonce.contracts.Topics#CATALOG}, each the {@code data} of a
 * CloudEvent whose {@code type} is the record's {@code TYPE}; JSON Schemas under {@code schemas/catalog/}.
 */
package org.runonce.contracts.catalog;
