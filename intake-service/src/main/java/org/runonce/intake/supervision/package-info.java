/**
 * What supervisors (效能监察) watch over intake: statistics over a period, bad ratings to follow up, applications
 * that needed more than one visit.
 */
package org.runonce.intake.supervision;
