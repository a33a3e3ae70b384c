package org.runonce.contracts;

/** Kafka topics, one per producing service; records are keyed by the aggregate id. */
public final class Topics {

    /** Item versions, bundles, calendars and departments, keyed by item code, bundle code, region or department. */
    public static final String CATALOG = "runonce.catalog.v1";

    /** Applications, keyed by application number. */
    public static final String INTAKE = "runonce.intake.v1";

    /** Cases and e-certificates, keyed by case number. */
    public static final String APPROVAL = "runonce.approval.v1";

    /** Notices sent to applicants and webhook deliveries, keyed by notice or delivery id. */
    public static final String NOTIFICATION = "runonce.notification.v1";

    private Topics() {}
}
