package org.runonce.approval.papers;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Registers the printed certificates' settings. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PapersProperties.class)
class PapersConfiguration {}
