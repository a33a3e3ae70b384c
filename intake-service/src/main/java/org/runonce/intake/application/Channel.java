package org.runonce.intake.application;

/** How an application reached intake. */
public enum Channel {
    /** The applicant submitted it with their own token. */
    ONLINE,
    /** A window clerk filed it for the applicant at the hall. */
    WINDOW
}
