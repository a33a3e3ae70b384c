/**
 * Intake's local copy of the catalog (item versions, bundles, calendars, departments), kept from the catalog's
 * events on {@code runonce.catalog.v1}: nothing on the submit path calls the catalog.
 */
package org.runonce.intake.catalog;
