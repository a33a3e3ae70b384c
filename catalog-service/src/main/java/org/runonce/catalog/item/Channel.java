package org.runonce.catalog.item;

import org.runonce.starter.domain.Refusal;

/**
 * A consultation or complaint channel.
 *
 * @param type phone, window, online, e-mail or post
 * @param value the number, address or URL, e.g. 12345
 * @param note optional remark, e.g. office hours
 */
public record Channel(ChannelType type, String value, String note) {

    public Channel {
        if (type == null || value == null || value.isBlank()) {
            throw Refusal.invalid("a channel needs a type and a value");
        }
    }
}
