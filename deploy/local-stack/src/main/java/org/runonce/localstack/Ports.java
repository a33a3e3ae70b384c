package org.runonce.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.ThreadLocalRandom;

/** Port checks shared by the embedded servers, so that a busy port fails with a message naming it. */
final class Ports {

    private Ports() {}

    /**
     * Chosen ports come from below Linux's ephemeral range (32768-60999): a port the kernel handed out with
     * {@code bind(0)} is also a candidate source port of every outgoing connection on the machine, so between being
     * chosen and being listened on it could be taken by any client (seen with Kafka's port under parallel builds).
     */
    private static final int FIRST = 20_000;

    private static final int LAST = 32_000;

    /** A port that was free on the loopback interface a moment ago, picked at random from 20000-32000. */
    static int free() {
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(FIRST, LAST);
            if (isFree(port)) {
                return port;
            }
        }
        throw new UncheckedIOException(new IOException("Could not find a free local port in " + FIRST + "-" + LAST));
    }

    /** {@code port}, or a free port when it is 0. */
    static int orFree(int port) {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("Not a TCP port: " + port);
        }
        return port == 0 ? free() : port;
    }

    /** Fails with a message naming {@code port} and {@code server} when something already listens on it. */
    static void requireFree(int port, String server) {
        if (!isFree(port)) {
            throw new IllegalStateException(server + " cannot start: port " + port
                    + " is already in use by another process. Stop that process or configure another port"
                    + " (on Linux `ss -ltnp 'sport = :" + port + "'` shows who holds it).");
        }
    }

    static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        } catch (IOException e) {
            return false;
        }
        return !acceptsConnections(port);
    }

    static boolean acceptsConnections(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 250);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
