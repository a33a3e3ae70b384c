package org.runonce.intake.application;

import org.runonce.starter.security.Caller;

/**
 * Who did something: a subject for access decisions and a username for people to read.
 *
 * @param subject token subject
 * @param username preferred username
 */
record Actor(String subject, String username) {

    static Actor of(Caller caller) {
        return new Actor(caller.subject(), caller.username());
    }

    static final Actor SYSTEM = new Actor("system", "system");
}
