/**
 * Consumes intake's events on {@code runonce.intake.v1}: an accepted application opens its cases, a withdrawn one
 * closes them. A thin mapping onto {@link org.runonce.approval.cases.CaseWorkflow}.
 */
package org.runonce.approval.intake;
