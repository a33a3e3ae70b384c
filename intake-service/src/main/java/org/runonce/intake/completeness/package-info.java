/**
 * The completeness check (材料完整性检查): what an application's items need ({@link
 * org.runonce.intake.completeness.Requirements}, fixed at submission from the pinned item versions), what the
 * applicant handed in ({@link org.runonce.intake.completeness.Provision}), and every missing or deficient material
 * found at once ({@link org.runonce.intake.completeness.Completeness}), which is what makes a single one-time notice
 * possible. Also the form rules per item and the checksums of identity numbers. Pure and Spring-free, except the
 * form definitions' loader.
 */
package org.runonce.intake.completeness;
