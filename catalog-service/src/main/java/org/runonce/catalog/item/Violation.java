package org.runonce.catalog.item;

/**
 * One reason a version cannot be published, apart from missing disclosures.
 *
 * @param field the offending field, e.g. {@code timeLimits.promisedWorkingDays}
 * @param rule stable rule code, e.g. {@code PROMISED_NOT_30_PERCENT_BELOW_STATUTORY}
 * @param message explanation for the catalog administrator
 */
record Violation(String field, String rule, String message) {}
