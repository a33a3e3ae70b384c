package org.runonce.notification.webhook;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import org.runonce.starter.domain.Refusal;

/**
 * Which callback URLs the platform calls: absolute https (http only where configured: local development), no user info, a host that resolves, and unless
 * configured otherwise, no loopback, private, link-local, unique-local, wildcard or multicast address (a subscriber
 * must not make the platform call into the platform's own network). Checked when subscribing and again on every
 * connection: {@link #checkedAddresses} is the resolver the HTTP client connects with, so the address connected to is
 * the address checked, whatever DNS answers in between (DNS rebinding).
 */
class CallbackUrls {

    /** How host names are resolved: the system's resolver, or a test's. */
    @FunctionalInterface
    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;

        Resolver SYSTEM = InetAddress::getAllByName;
    }

    /** A host that resolves to an address the platform does not call. */
    static final class RefusedAddress extends UnknownHostException {
        RefusedAddress(String message) {
            super(message);
        }
    }

    private final boolean allowPrivateAddresses;
    private final boolean allowHttp;
    private final Resolver resolver;

    /** With plain http allowed: for tests whose receivers listen on http. */
    CallbackUrls(boolean allowPrivateAddresses) {
        this(allowPrivateAddresses, Resolver.SYSTEM);
    }

    /** With plain http allowed: for tests whose receivers listen on http. */
    CallbackUrls(boolean allowPrivateAddresses, Resolver resolver) {
        this(allowPrivateAddresses, true, resolver);
    }

    CallbackUrls(boolean allowPrivateAddresses, boolean allowHttp, Resolver resolver) {
        this.allowPrivateAddresses = allowPrivateAddresses;
        this.allowHttp = allowHttp;
        this.resolver = resolver;
    }

    /** The URL if acceptable, else a 400 problem {@code invalid-callback-url} saying why. */
    URI validate(String url) {
        URI uri;
        try {
            uri = new URI(url == null ? "" : url.strip());
        } catch (URISyntaxException e) {
            throw refused("not a URI: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(allowHttp && scheme.equals("http"))) {
            throw refused(
                    allowHttp
                            ? "only http and https callback URLs are accepted"
                            : "only https callback URLs are accepted");
        }
        if (uri.getRawUserInfo() != null) {
            throw refused("credentials in the URL are not accepted; authenticate the request by its signature");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw refused("the URL has no host");
        }
        if (uri.getRawFragment() != null) {
            throw refused("the URL must not have a fragment");
        }
        try {
            checkedAddresses(uri.getHost());
        } catch (RefusedAddress e) {
            throw refused(e.getMessage());
        } catch (UnknownHostException e) {
            throw refused("host " + uri.getHost() + " does not resolve");
        }
        return uri;
    }

    /**
     * The addresses of {@code host}, resolved once, all of them acceptable: what a connection may go to.
     *
     * @throws RefusedAddress if one of them is internal and internal addresses are not allowed
     */
    InetAddress[] checkedAddresses(String host) throws UnknownHostException {
        InetAddress[] addresses = resolver.resolve(host);
        if (!allowPrivateAddresses) {
            for (InetAddress address : addresses) {
                if (isInternal(address)) {
                    throw new RefusedAddress("host " + host + " resolves to a loopback, private or link-local address ("
                            + address.getHostAddress() + ")");
                }
            }
        }
        return addresses;
    }

    static boolean isInternal(InetAddress address) {
        if (address.isLoopbackAddress()
                || address.isSiteLocalAddress()
                || address.isLinkLocalAddress()
                || address.isAnyLocalAddress()
                || address.isMulticastAddress()) {
            return true;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet6Address) {
            return (bytes[0] & 0xfe) == 0xfc; // fc00::/7 unique local
        }
        int first = bytes[0] & 0xff;
        int second = bytes[1] & 0xff;
        return first == 0 // "this" network
                || (first == 100 && second >= 64 && second <= 127) // carrier-grade NAT
                || (first == 169 && second == 254); // link local (cloud metadata)
    }

    private static Refusal refused(String detail) {
        return Refusal.badRequest("invalid-callback-url", "Callback URL refused", detail);
    }
}
