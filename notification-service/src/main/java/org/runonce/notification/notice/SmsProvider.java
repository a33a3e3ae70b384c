package org.runonce.notification.notice;

/** Sends a text message; {@code runonce.notification.notices.sms.provider} chooses the implementation. */
interface SmsProvider {

    /**
     * Hands the text to the gateway.
     *
     * @param phoneNumber the applicant's mobile number
     * @param text the message
     * @throws RuntimeException when the gateway did not take it (the notice is tried again)
     */
    void send(String phoneNumber, String text);
}
