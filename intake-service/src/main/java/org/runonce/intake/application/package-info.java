/**
 * Applications (一窗受理): the aggregate {@link org.runonce.intake.application.Application} with its parts (the
 * one-time notice rule {@link org.runonce.intake.application.OneTimeNotice}, the split into cases {@link
 * org.runonce.intake.application.CasePlan}, delivery and rating {@link org.runonce.intake.application.Aftercare}),
 * the events it records and their translation to the contracts ({@link
 * org.runonce.intake.application.IntakeEvents}), and the use cases: {@code SubmittingApplication}, {@code
 * SupplementingApplication}, {@code ChangingApplication}, {@code FollowingApprovals}, {@code PledgeWatch}, {@code
 * ApplicationAccess}. Its HTTP API is in {@code web}.
 */
package org.runonce.intake.application;
