/**
 * The events intake consumes, one listener per producer ({@code <Producer>EventsListener}), each reading the
 * producer's contract records: approval's case events and certificate revocations, the catalog's items, bundles,
 * calendars and departments.
 */
package org.runonce.intake.inbound;
