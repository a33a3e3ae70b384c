package org.runonce.notification.webhook;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Deliveries waiting or given up, as gauges {@code runonce_webhook_deliveries{state=...}} in {@code
 * /actuator/prometheus}: an alert on {@code state="DEAD"} makes dead letters visible to operators too.
 */
@Component
class DeliveryMetrics implements MeterBinder {

    private final JdbcClient jdbc;

    DeliveryMetrics(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (String state : List.of("PENDING", "FAILED_RETRYING", "DEAD")) {
            Gauge.builder("runonce.webhook.deliveries", () -> count(state))
                    .tag("state", state)
                    .description("Webhook deliveries in this state")
                    .register(registry);
        }
    }

    private long count(String state) {
        return jdbc.sql("select count(*) from delivery where state = ?")
                .param(state)
                .query(Long.class)
                .single();
    }
}
