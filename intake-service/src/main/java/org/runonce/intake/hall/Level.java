package org.runonce.intake.hall;

/** Where a service point sits in the administrative hierarchy. */
public enum Level {
    PROVINCE,
    CITY,
    COUNTY,
    TOWNSHIP,
    VILLAGE
}
