package org.runonce.catalog.demo;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads the demo catalog ({@code demo/catalog.json}) at startup through the same services the admin API uses, so
 * every department, item version, bundle and calendar is announced on Kafka like any other and the other services
 * build their copies from the events. Idempotent: what exists already is left alone; instances starting together
 * take turns (see {@link DemoCatalogWriter}). Off with {@code runonce.catalog.demo-data.enabled=false}.
 */
@Component
@ConditionalOnProperty(name = "runonce.catalog.demo-data.enabled", havingValue = "true", matchIfMissing = true)
class DemoDataLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

    private final DemoCatalogWriter writer;
    private final JsonMapper json;

    DemoDataLoader(DemoCatalogWriter writer, JsonMapper json) {
        this.writer = writer;
        this.json = json;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        DemoCatalog catalog;
        try (InputStream in = new ClassPathResource("demo/catalog.json").getInputStream()) {
            catalog = json.readValue(in, DemoCatalog.class);
        }
        List<String> loaded = writer.writeMissing(catalog);
        if (loaded.isEmpty()) {
            log.info("Demo catalog already present");
        } else {
            log.info("Demo catalog loaded: {}", loaded);
        }
    }
}
