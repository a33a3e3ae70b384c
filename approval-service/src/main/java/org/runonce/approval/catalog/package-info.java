/**
 * Approval's own copy of the catalog, kept from {@code runonce.catalog.v1}: published item versions (department,
 * procedure steps with special procedures, time limits, handling mode, result certificate), working-day calendars
 * and departments. Nothing here calls the catalog.
 */
package org.runonce.approval.catalog;
