package org.runonce.intake.papers;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Registers the papers' settings. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PapersProperties.class)
class PapersConfiguration {}
