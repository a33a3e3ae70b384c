package org.runonce.systemtests;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.runonce.localstack.LocalPlatform;

/**
 * One platform for every system test class of the run, handed to any {@link LocalPlatform} parameter (e.g. of a
 * {@code @BeforeAll} method) of a class with {@code @ExtendWith(SharedPlatform.class)}. Booting five applications and
 * a Keycloak takes about a minute here, so the classes share it; it lives in JUnit's root store, which stops it when
 * the last test class is done. A test that stops a service or the broker starts it again before it ends.
 */
final class SharedPlatform implements ParameterResolver {

    /**
     * The collector the platform's applications export their spans to (OTLP over HTTP). Sampling stays at the
     * platform's default (one trace in ten); a test that follows a trace sends a sampled {@code traceparent}.
     */
    static final OtlpReceiver TRACES = new OtlpReceiver();

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == LocalPlatform.class;
    }

    @Override
    public LocalPlatform resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot()
                .getStore(ExtensionContext.Namespace.create(SharedPlatform.class))
                .computeIfAbsent(Running.class, type -> new Running(start()), Running.class)
                .platform();
    }

    private static LocalPlatform start() {
        return LocalPlatform.builder()
                .forTests()
                .property("management.opentelemetry.tracing.export.otlp.endpoint", TRACES.endpoint())
                .property("management.opentelemetry.tracing.export.schedule-delay", "500ms")
                .start();
    }

    /** Stopped by JUnit when the root store closes. */
    private record Running(LocalPlatform platform) implements AutoCloseable {

        @Override
        public void close() {
            platform.stop();
        }
    }
}
