package org.runonce.notification.notice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A notice or a contact written to a log line shows no phone number or e-mail address in full. */
class PersonalDataInLogsTest {

    @Test
    void aNoticeOrAContactInALogLineShowsNoFullPhoneNumberOrAddress() {
        var notice = new Notice(
                UUID.randomUUID(),
                "e-1",
                "org.runonce.intake.application.accepted.v1",
                Notice.Channel.SMS,
                "accepted",
                "A-1",
                "subject",
                "13912345678",
                "en",
                "title",
                "Han Mei, ID 330106199001011234",
                "PENDING",
                0,
                Instant.now(),
                null,
                null);
        assertThat(notice.toString())
                .contains("A-1")
                .doesNotContain("13912345678")
                .doesNotContain("330106199001011234");

        var contact = new Contact("subject", "Han Mei", "han@example.com", "13912345678", "en");
        assertThat(contact.toString())
                .contains("139****5678")
                .doesNotContain("13912345678")
                .doesNotContain("han@example.com");
    }
}
