package org.runonce.localstack.spring;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.runonce.localstack.Kafka;
import org.runonce.localstack.LocalInfrastructure;
import org.runonce.localstack.Postgres;
import org.runonce.localstack.Smtp;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.support.TestPropertySourceUtils;
import org.springframework.util.StringUtils;

/**
 * Starts the shared servers a test asks for and adds their connection properties to the context's environment.
 * A record: equal attributes give equal customizers, which is what lets Spring's test context cache reuse contexts.
 */
record LocalInfrastructureContextCustomizer(String database, boolean postgres, boolean kafka, boolean smtp)
        implements ContextCustomizer {

    static final String PROPERTY_SOURCE_NAME = "runonceLocalInfrastructure";
    static final String DATABASE_PROPERTY = "runonce.test.database";
    static final String ALLOW_DEMO_KEYS = "runonce.personal-data.allow-demo-keys";

    @Override
    public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
        ConfigurableEnvironment environment = context.getEnvironment();
        Map<String, Object> properties = new LinkedHashMap<>();
        // Kafka takes a few seconds to start in its own JVM; PostgreSQL starts meanwhile
        CompletableFuture<Kafka> broker = kafka ? CompletableFuture.supplyAsync(LocalInfrastructure::kafka) : null;
        if (postgres) {
            Postgres server = LocalInfrastructure.postgres();
            properties.put("spring.datasource.url", server.jdbcUrl(databaseName(environment)));
            properties.put("spring.datasource.username", server.username());
            properties.put("spring.datasource.password", server.password());
        }
        if (broker != null) {
            properties.put("spring.kafka.bootstrap-servers", join(broker).bootstrapServers());
        }
        if (smtp) {
            Smtp server = LocalInfrastructure.smtp();
            properties.put("spring.mail.host", server.host());
            properties.put("spring.mail.port", server.port());
        }
        // services encrypt personal data with the published demo keys of their application.yml in tests only
        properties.put(ALLOW_DEMO_KEYS, "true");
        holdServersUntilClosed(context);
        MutablePropertySources sources = environment.getPropertySources();
        MapPropertySource source = new MapPropertySource(PROPERTY_SOURCE_NAME, properties);
        if (sources.contains(TestPropertySourceUtils.INLINED_PROPERTIES_PROPERTY_SOURCE_NAME)) {
            sources.addAfter(TestPropertySourceUtils.INLINED_PROPERTIES_PROPERTY_SOURCE_NAME, source);
        } else {
            sources.addFirst(source);
        }
    }

    /**
     * Keeps the servers up at JVM exit until this context has closed. The lease is a disposable bean registered
     * before any other, so it is destroyed last: after the context's Kafka consumers and connection pools.
     */
    private static void holdServersUntilClosed(ConfigurableApplicationContext context) {
        LocalInfrastructure.Lease lease = LocalInfrastructure.lease();
        if (context.getBeanFactory() instanceof DefaultSingletonBeanRegistry registry) {
            registry.registerDisposableBean(LocalInfrastructure.class.getName() + ".lease", lease::close);
        } else {
            context.addApplicationListener(event -> {
                if (event instanceof ContextClosedEvent closed && closed.getApplicationContext() == context) {
                    lease.close();
                }
            });
        }
    }

    String databaseName(Environment environment) {
        if (StringUtils.hasText(database)) {
            return database;
        }
        for (String property : new String[] {DATABASE_PROPERTY, "runonce.service.name", "spring.application.name"}) {
            String name = environment.getProperty(property);
            if (StringUtils.hasText(name)) {
                return name;
            }
        }
        throw new IllegalStateException("@WithLocalInfrastructure needs a database name: set @WithLocalInfrastructure"
                + "(database = ...), property " + DATABASE_PROPERTY
                + ", runonce.service.name or spring.application.name");
    }

    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }
}
