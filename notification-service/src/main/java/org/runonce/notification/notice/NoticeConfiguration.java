package org.runonce.notification.notice;

import org.runonce.notification.NotificationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** Templates and the SMS provider chosen by {@code runonce.notification.notices.sms.provider}. */
@Configuration(proxyBeanMethods = false)
class NoticeConfiguration {

    @Bean
    Templates templates() {
        return new Templates();
    }

    @Bean
    SmsProvider smsProvider(NotificationProperties properties, JsonMapper json) {
        var sms = properties.notices().sms();
        return switch (sms.provider()) {
            case "logging" -> new LoggingSmsProvider();
            case "http" -> {
                if (sms.url() == null) {
                    throw new IllegalStateException(
                            "runonce.notification.notices.sms.provider=http needs runonce.notification.notices.sms.url");
                }
                yield new HttpSmsProvider(sms.url(), sms.apiKey(), sms.timeout(), json);
            }
            default ->
                throw new IllegalStateException("unknown SMS provider '" + sms.provider()
                        + "' (runonce.notification.notices.sms.provider: logging or http)");
        };
    }
}
