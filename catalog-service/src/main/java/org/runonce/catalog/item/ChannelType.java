package org.runonce.catalog.item;

/** Kinds of consultation and complaint channels. */
public enum ChannelType {
    PHONE,
    WINDOW,
    ONLINE,
    EMAIL,
    POST
}
