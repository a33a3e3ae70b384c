/**
 * Help-and-agency (帮办代办): an applicant's authorization of an agent (a staff member of the hall or a township service
 * point, or another applicant account) to file and follow applications for them, with a scope, a first and a last
 * day, revocable at once; the acts of the agent under it. {@link org.runonce.intake.agency.Agency} is what the
 * application package asks; the rules are {@link org.runonce.intake.agency.AgencyAuthorization}'s.
 */
package org.runonce.intake.agency;
