package org.runonce.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CloudEventSchemaTest {

    static final String SCHEMA = "cloudevent.schema.json";

    record Accepted(String applicationNumber, List<String> cases) {}

    static CloudEvent<Accepted> sample() {
        return CloudEvent.of(
                        "5b0c7b0e-8d2e-4c8e-9a55-0d6f1c8f4a11",
                        "/runonce/intake",
                        "org.runonce.intake.application.accepted.v1",
                        Instant.parse("2025-03-04T05:06:07.123Z"),
                        "A-2025-000001",
                        new Accepted("A-2025-000001", List.of("C-1", "C-2")))
                .inDepartment("SAMR");
    }

    @Test
    void theRecordSerializesToAValidEnvelope() {
        String json = EventSchemas.json(sample());

        assertThat(EventSchemas.violations(SCHEMA, json)).isEmpty();
        assertThat(json)
                .contains("\"specversion\":\"1.0\"")
                .contains("\"time\":\"2025-03-04T05:06:07.123Z\"")
                .contains("\"datacontenttype\":\"application/json\"")
                .contains("\"partitionkey\":\"A-2025-000001\"");
    }

    @Test
    void thePartitionKeyIsTheSubjectAndSurvivesAChangeOfPayload() {
        var event = sample();

        assertThat(event.partitionkey()).isEqualTo(event.subject());
        assertThat(event.withData("other").partitionkey()).isEqualTo("A-2025-000001");
    }

    @Test
    void anEnvelopeFromBeforeThePartitionKeyIsStillValid() {
        String withoutPartitionKey = """
                {"specversion":"1.0","id":"1","source":"/runonce/intake","type":"org.runonce.intake.application.accepted.v1",
                 "time":"2025-03-04T05:06:07Z","subject":"A-1","datacontenttype":"application/json","data":{}}""";

        assertThat(EventSchemas.violations(SCHEMA, withoutPartitionKey)).isEmpty();
    }

    @Test
    void aDepartmentCodeIsWhatTheCatalogAcceptsAsOne() {
        // the catalog's department codes: a capital, then capitals, digits or '_', 2 to 32 in all
        assertThat(EventSchemas.violations(SCHEMA, EventSchemas.json(sample().inDepartment("HRSS_2"))))
                .isEmpty();
        assertThat(EventSchemas.violations(SCHEMA, EventSchemas.json(sample().inDepartment("samr"))))
                .isNotEmpty();
        assertThat(EventSchemas.violations(SCHEMA, EventSchemas.json(sample().inDepartment("S"))))
                .isNotEmpty();
    }

    @Test
    void departmentIsOptionalAndLeftOutWhenAbsent() {
        var event = CloudEvent.of(
                "id-1",
                "/runonce/catalog",
                "org.runonce.catalog.item.published.v1",
                Instant.now(),
                "ITEM-1",
                Map.of("code", "ITEM-1"));
        String json = EventSchemas.json(event);

        assertThat(json).doesNotContain("department");
        assertThat(EventSchemas.violations(SCHEMA, json)).isEmpty();
    }

    @Test
    void envelopesMissingAttributesOrWithBadValuesAreRejected() {
        String missingId = """
                {"specversion":"1.0","source":"/runonce/intake","type":"org.runonce.intake.application.accepted.v1",
                 "time":"2025-03-04T05:06:07Z","subject":"A-1","datacontenttype":"application/json","data":{}}""";
        String badTypeAndTime = """
                {"specversion":"1.0","id":"1","source":"/runonce/intake","type":"ApplicationAccepted",
                 "time":"yesterday","subject":"A-1","datacontenttype":"application/json","data":{}}""";
        String unknownAttribute = """
                {"specversion":"1.0","id":"1","source":"/runonce/intake","type":"org.runonce.intake.application.accepted.v1",
                 "time":"2025-03-04T05:06:07Z","subject":"A-1","datacontenttype":"application/json","data":{},"foo":1}""";

        assertThat(EventSchemas.violations(SCHEMA, missingId))
                .singleElement()
                .asString()
                .contains("id");
        assertThat(EventSchemas.violations(SCHEMA, badTypeAndTime)).hasSize(2);
        assertThat(EventSchemas.violations(SCHEMA, unknownAttribute))
                .singleElement()
                .asString()
                .contains("foo");
    }
}
