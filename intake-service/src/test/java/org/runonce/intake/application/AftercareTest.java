package org.runonce.intake.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.runonce.starter.domain.Refusal;

class AftercareTest {

    static final Instant NOW = Fixtures.at("2026-11-23T10:00");
    static final Actor CLERK = new Actor("clerk-1", "wang.wu");

    Aftercare companyStartup() {
        return Aftercare.beforeCompletion(
                "330000-2026-000001", Fixtures.bundle("company-startup").items());
    }

    @Test
    void resultsAreDeliveredOnceByAnOfferedMethodAndMailNeedsAnAddress() {
        Aftercare aftercare = companyStartup();
        assertThat(aftercare.deliveryOptions()).isNotEmpty();

        assertThatThrownBy(() -> aftercare.deliver("MAIL", null, null, CLERK, NOW))
                .isInstanceOfSatisfying(Refusal.class, r -> {
                    assertThat(r.status()).isEqualTo(400);
                    assertThat(r.slug()).isEqualTo("validation-failed");
                });
        assertThatThrownBy(() -> aftercare.deliver("CARRIER_PIGEON", null, null, CLERK, NOW))
                .isInstanceOfSatisfying(
                        Refusal.class, r -> assertThat(r.slug()).isEqualTo("delivery-method-not-offered"));

        Records.Delivery delivery = aftercare.deliver("MAIL", "SF1234567890", "杭州市西湖区文三路1号", CLERK, NOW);
        assertThat(delivery.deliveredBy()).isEqualTo("wang.wu");
        assertThatThrownBy(() -> aftercare.deliver("ELECTRONIC", null, null, CLERK, NOW))
                .isInstanceOfSatisfying(
                        Refusal.class, r -> assertThat(r.slug()).isEqualTo("delivery-already-recorded"));
    }

    @Test
    void theApplicantsChoiceIsWhatTheClerkDeliversExceptAPickUpInPersonAndElectronicDeliversItself() {
        Aftercare aftercare = companyStartup();
        assertThat(aftercare.deliveryOptions()).doesNotContain("ELECTRONIC"); // the seal cannot be e-mailed
        assertThatThrownBy(() -> aftercare.choose("ELECTRONIC", null, CLERK, NOW))
                .isInstanceOfSatisfying(
                        Refusal.class, r -> assertThat(r.slug()).isEqualTo("delivery-method-not-offered"));
        assertThatThrownBy(() -> aftercare.choose("MAIL", " ", CLERK, NOW))
                .isInstanceOfSatisfying(
                        Refusal.class, r -> assertThat(r.status()).isEqualTo(400));
        assertThat(aftercare.deliveryChoice()).isNull();

        aftercare.choose("MAIL", "杭州市西湖区文三路1号", CLERK, NOW);
        assertThat(aftercare.deliverElectronically(NOW)).isEmpty();
        assertThatThrownBy(() -> aftercare.deliver("ELECTRONIC", null, null, CLERK, NOW))
                .isInstanceOf(Refusal.class);
        Records.Delivery posted = aftercare.deliver("MAIL", "SF1234567890", null, CLERK, NOW);
        assertThat(posted.address()).isEqualTo("杭州市西湖区文三路1号");
        assertThatThrownBy(() -> aftercare.choose("WINDOW_PICKUP", null, CLERK, NOW))
                .isInstanceOfSatisfying(
                        Refusal.class, r -> assertThat(r.slug()).isEqualTo("delivery-already-recorded"));

        Aftercare pickedUp = companyStartup();
        pickedUp.choose("MAIL", "杭州市西湖区文三路1号", CLERK, NOW);
        assertThat(pickedUp.deliver("WINDOW_PICKUP", null, null, CLERK, NOW).method())
                .isEqualTo("WINDOW_PICKUP");

        Aftercare licence = Aftercare.beforeCompletion(
                "330000-2026-000002", Fixtures.item("samr-company-registration").items());
        licence.choose("ELECTRONIC", "ignored", CLERK, NOW);
        assertThat(licence.deliveryChoice().address()).isNull();
        Records.Delivery electronic = licence.deliverElectronically(NOW).orElseThrow();
        assertThat(electronic.deliveredBy()).isEqualTo("system");
        assertThat(licence.deliverElectronically(NOW)).isEmpty(); // once
    }

    @Test
    void aBadRatingOpensAFollowUpThatASupervisorCloses() {
        Aftercare aftercare = companyStartup();
        assertThatThrownBy(() -> aftercare.resolveFollowUp("called back", CLERK, NOW))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.slug()).isEqualTo("no-open-follow-up"));

        Records.Evaluation evaluation =
                aftercare.evaluate(2, "太慢", LocalDate.parse("2026-11-30"), "ONLINE", List.of("SAMR", "PSB"), NOW);
        assertThat(evaluation.followUpOpen()).isTrue();
        assertThatThrownBy(() -> aftercare.evaluate(5, null, null, "ONLINE", List.of("SAMR"), NOW))
                .isInstanceOfSatisfying(
                        Refusal.class, r -> assertThat(r.slug()).isEqualTo("evaluation-already-recorded"));

        aftercare.resolveFollowUp("called back", CLERK, NOW);
        assertThat(aftercare.evaluation().followUpOpen()).isFalse();
        assertThat(aftercare.evaluation().followUpNote()).isEqualTo("called back");
    }

    @Test
    void everyDepartmentRatedBadlyFollowsUpOnceAndTheLastClosesIt() {
        Aftercare aftercare = companyStartup();
        aftercare.evaluate(1, "材料被退回三次", LocalDate.parse("2026-11-30"), "SMS_LINK", List.of("SAMR", "PSB"), NOW);
        assertThatThrownBy(() -> aftercare.followUp("TAX", "not ours", CLERK, NOW))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.slug()).isEqualTo("not-a-rated-department"));

        aftercare.followUp("SAMR", "已回访，退件原因已说明", CLERK, NOW);
        assertThat(aftercare.evaluation().followUpOpen()).isTrue();
        assertThat(aftercare.evaluation().followUpOverdue(LocalDate.parse("2026-12-01")))
                .isTrue();
        assertThatThrownBy(() -> aftercare.followUp("SAMR", "again", CLERK, NOW))
                .isInstanceOfSatisfying(
                        Refusal.class, r -> assertThat(r.slug()).isEqualTo("follow-up-already-recorded"));

        aftercare.followUp("PSB", "已回访", CLERK, NOW);
        assertThat(aftercare.evaluation().followUpOpen()).isFalse();
        assertThat(aftercare.evaluation().followUps())
                .extracting(Records.FollowUp::department)
                .containsExactly("SAMR", "PSB");
        assertThat(aftercare.evaluation().channel()).isEqualTo("SMS_LINK");
    }

    @Test
    void aGoodRatingNeedsNoFollowUp() {
        Records.Evaluation evaluation =
                companyStartup().evaluate(5, null, LocalDate.parse("2026-11-30"), "WINDOW", List.of("SAMR"), NOW);
        assertThat(evaluation.followUpDue()).isNull();
        assertThat(evaluation.followUpOpen()).isFalse();
    }
}
