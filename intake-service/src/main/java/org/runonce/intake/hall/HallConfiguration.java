package org.runonce.intake.hall;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** The hall's settings. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(HallProperties.class)
class HallConfiguration {}
