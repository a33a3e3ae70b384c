package org.runonce.intake.application;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Online pre-review's settings (网上预审), {@code runonce.intake.pre-review.*}.
 *
 * @param workingDays working days of the application's region a window clerk has to answer a pre-review, counted
 *     from the day it entered pre-review (submitted, or corrected after a notice); past them it is listed as overdue
 */
@Validated
@ConfigurationProperties("runonce.intake.pre-review")
public record PreReviewProperties(
        @DefaultValue("2") @Min(1) @Max(20) int workingDays) {}
