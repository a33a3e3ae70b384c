package org.runonce.intake.supervision;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Registers the reform targets supervision measures against. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReformTargets.class)
class SupervisionConfiguration {}
