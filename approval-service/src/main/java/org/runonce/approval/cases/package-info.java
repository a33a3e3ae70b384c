/**
 * Cases (案件): opened from accepted applications in their item's department, worked through the item's procedure
 * steps by the department's reviewers, clocked in working days, decided; dependent cases start when the cases they
 * need are approved, with their certificates attached.
 */
package org.runonce.approval.cases;
