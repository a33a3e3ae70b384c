/**
 * The completeness check (材料完整性检查): what an application's items need ({@link
 * org.runonce.intake.completeness.Requirements}, fixed at submission from the pinned item versions), what the
 * applicant handed in ({@link org.runonce.intake.completeness.Provision}), and every missing or deficient material
 * found at once ({@link org.runonce.intake.completeness.Completeness}), which is what makes a single one-time notice
 * possible. Also the form check against the catalog's forms of the pinned versions ({@link
 * org.runonce.intake.completeness.FormSchemas}) and the checksums of identity numbers. Pure and Spring-free.
 */
package org.runonce.intake.completeness;
