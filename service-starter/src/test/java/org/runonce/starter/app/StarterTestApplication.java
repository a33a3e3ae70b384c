package org.runonce.starter.app;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A minimal service on the starter: a note table, a controller, a publisher and a consumer of its own topic. */
@SpringBootApplication
public class StarterTestApplication {}
