package org.runonce.localstack.platform;

import org.runonce.localstack.Kafka;
import org.runonce.localstack.Keycloak;
import org.runonce.localstack.Postgres;
import org.runonce.localstack.Smtp;

/** The servers the applications of a platform use. */
public record Infrastructure(Postgres postgres, Kafka kafka, Keycloak keycloak, Smtp smtp) {}
