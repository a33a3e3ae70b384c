package org.runonce.intake.catalog;

import org.runonce.contracts.catalog.DepartmentChanged;
import org.runonce.contracts.catalog.Name;

/**
 * A department as last announced.
 *
 * @param code e.g. SAMR
 * @param name its name
 * @param contact how applicants reach it
 */
public record Department(String code, Name name, DepartmentChanged.Contact contact) {}
