/** Working-day calendars per region and year: holidays and make-up working days (调休). */
package org.runonce.catalog.calendar;
