package org.runonce.intake.hall;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The hall's settings, {@code runonce.intake.hall.*}.
 *
 * @param bookingDays how many days ahead (today excluded) slots may be booked
 * @param arrivalEarly how long before its slot an applicant may check in
 * @param noShowGrace how long after its slot's end a booked appointment without arrival becomes a no-show
 * @param noShowCheckInterval how often no-shows are marked
 */
@Validated
@ConfigurationProperties("runonce.intake.hall")
public record HallProperties(
        @DefaultValue("14") @Min(1) int bookingDays,
        @DefaultValue("60m") @NotNull Duration arrivalEarly,
        @DefaultValue("15m") @NotNull Duration noShowGrace,
        @DefaultValue("5m") @NotNull Duration noShowCheckInterval) {}
