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
 * Writes outgoing events as CloudEvents structured-mode records and nothing more: the envelope JSON as the value,
 * {@code content-type} and the partitioning extension {@code ce_partitionkey} (= the record key, as the CloudEvents Kafka
 * binding names it, so that brokers' tools and other languages see it without parsing the value) as the only headers. Spring Kafka's JSON converter, which Spring Modulith's externalizer uses by
 * default, would add {@code __TypeId__} (a Java class name) and {@code spring_json_header_types}: Java details that
 * mean nothing to a receiver in another language and tie the wire to class names.
 */
class CloudEventRecords extends ByteArrayJacksonJsonMessageConverter {

    static final String CONTENT_TYPE = "content-type";

    /** The CloudEvents Kafka binding's header of the {@code partitionkey} extension. */
    static final String PARTITION_KEY = "ce_partitionkey";

    CloudEventRecords(JsonMapper json) {
        super(json);
        setHeaderMapper(new CloudEventHeadersOnly());
    }

    /** No type header: the envelope's own {@code type} says what the event is. */
    @Override
    protected Headers initialRecordHeaders(Message<?> message) {
        return new RecordHeaders();
    }

    /**
     * Out: only {@code content-type} and {@code ce_partitionkey}, as text. In: every header, as Spring Kafka's simple
     * mapper reads them.
     */
    private static final class CloudEventHeadersOnly implements KafkaHeaderMapper {

        private final KafkaHeaderMapper inbound = new SimpleKafkaHeaderMapper();

        @Override
        public void fromHeaders(MessageHeaders headers, Headers target) {
            for (String name : new String[] {CONTENT_TYPE, PARTITION_KEY}) {
                Object value = headers.get(name);
                if (value != null) {
                    target.add(name, value.toString().getBytes(StandardCharsets.UTF_8));
                }
            }
        }

        @Override
        public void toHeaders(Headers source, Map<String, Object> target) {
            inbound.toHeaders(source, target);
        }
    }
}
