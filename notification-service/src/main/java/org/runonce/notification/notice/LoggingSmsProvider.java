package org.runonce.notification.notice;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The default SMS "gateway" for development: the message goes to the log (number masked). */
class LoggingSmsProvider implements SmsProvider {

    private static final Logger log = LoggerFactory.getLogger(LoggingSmsProvider.class);

    @Override
    public void send(String phoneNumber, String text) {
        log.info("SMS to {}: {}", mask(phoneNumber), text);
    }

    static String mask(String phoneNumber) {
        return phoneNumber.length() <= 4
                ? "****"
                : "*".repeat(phoneNumber.length() - 4) + phoneNumber.substring(phoneNumber.length() - 4);
    }
}
