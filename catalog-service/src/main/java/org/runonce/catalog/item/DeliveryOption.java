package org.runonce.catalog.item;

/** How the result reaches the applicant (统一窗口出件). */
enum DeliveryOption {
    WINDOW_PICKUP,
    MAIL,
    ELECTRONIC
}
