package org.runonce.localstack.spring;

import java.util.List;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.TestContextAnnotationUtils;

/** Turns {@link WithLocalInfrastructure} on a test class (or an enclosing one) into a context customizer. */
class LocalInfrastructureContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(
            Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
        WithLocalInfrastructure annotation =
                TestContextAnnotationUtils.findMergedAnnotation(testClass, WithLocalInfrastructure.class);
        if (annotation == null) {
            return null;
        }
        return new LocalInfrastructureContextCustomizer(
                annotation.database(), annotation.postgres(), annotation.kafka(), annotation.smtp());
    }
}
