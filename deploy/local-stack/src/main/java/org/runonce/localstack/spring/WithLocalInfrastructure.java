package org.runonce.localstack.spring;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.ContextCustomizerFactories;

/**
 * Points a Spring test context at the JVM-wide {@link org.runonce.localstack.LocalInfrastructure}: real PostgreSQL
 * and Kafka (and optionally SMTP), started before the context and shared by every test class of the JVM. Put it
 * next to {@code @SpringBootTest}:
 *
 * <pre>{@code
 * @SpringBootTest
 * @WithLocalInfrastructure
 * class ApplicationsIT { ... }
 * }</pre>
 *
 * It sets {@code spring.datasource.url/username/password} (the database is created if missing),
 * {@code spring.kafka.bootstrap-servers} and, with {@code smtp = true}, {@code spring.mail.host/port}. Properties
 * inlined in the test ({@code @SpringBootTest(properties = ...)}, {@code @TestPropertySource}) still win. Test
 * classes with the same attributes and configuration share one cached context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ContextCustomizerFactories(LocalInfrastructureContextCustomizerFactory.class)
public @interface WithLocalInfrastructure {

    /**
     * The database to use. Empty (the default) means: property {@code runonce.test.database}, else
     * {@code runonce.service.name}, else {@code spring.application.name}.
     */
    String database() default "";

    /** Whether to start PostgreSQL and set {@code spring.datasource.*}. */
    boolean postgres() default true;

    /** Whether to start Kafka and set {@code spring.kafka.bootstrap-servers}. */
    boolean kafka() default true;

    /** Whether to start the SMTP server and set {@code spring.mail.host} and {@code spring.mail.port}. */
    boolean smtp() default false;
}
