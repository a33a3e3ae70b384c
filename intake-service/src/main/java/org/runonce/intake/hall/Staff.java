package org.runonce.intake.hall;

import java.util.Optional;

/**
 * A window clerk as the hall sees them.
 *
 * @param subject the token's subject
 * @param username the clerk's username
 * @param servicePoint the point the token's {@code service_point} claim names, if any
 */
record Staff(String subject, String username, Optional<String> servicePoint) {

    boolean worksAt(String point) {
        return servicePoint.filter(point::equals).isPresent();
    }
}
