package org.runonce.starter.events;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.springframework.kafka.support.KafkaHeaderMapper;
import org.springframework.kafka.support.SimpleKafkaHeaderMapper;
import org.springframework.kafka.support.converter.ByteArrayJacksonJsonMessageConverter;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes outgoing events as CloudEvents structured-mode records and nothing more: the envelope JSON as the value and
 * {@code content-type} as the only header. Spring Kafka's JSON converter, which Spring Modulith's externalizer uses by
 * default, would add {@code __TypeId__} (a Java class name) and {@code spring_json_header_types}: Java details that
 * mean nothing to a receiver in another language and tie the wire to class names.
 */
class CloudEventRecords extends ByteArrayJacksonJsonMessageConverter {

    static final String CONTENT_TYPE = "content-type";

    CloudEventRecords(JsonMapper json) {
        super(json);
        setHeaderMapper(new ContentTypeOnly());
    }

    /** No type header: the envelope's own {@code type} says what the event is. */
    @Override
    protected Headers initialRecordHeaders(Message<?> message) {
        return new RecordHeaders();
    }

    /** Out: only {@code content-type}, as text. In: every header, as Spring Kafka's simple mapper reads them. */
    private static final class ContentTypeOnly implements KafkaHeaderMapper {

        private final KafkaHeaderMapper inbound = new SimpleKafkaHeaderMapper();

        @Override
        public void fromHeaders(MessageHeaders headers, Headers target) {
            Object contentType = headers.get(CONTENT_TYPE);
            if (contentType != null) {
                target.add(CONTENT_TYPE, contentType.toString().getBytes(StandardCharsets.UTF_8));
            }
        }

        @Override
        public void toHeaders(Headers source, Map<String, Object> target) {
            inbound.toHeaders(source, target);
        }
    }
}
