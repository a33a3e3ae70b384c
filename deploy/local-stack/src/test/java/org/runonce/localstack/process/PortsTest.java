package org.runonce.localstack.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Reservations: a reserved port is not handed out again, a busy one is never handed out. */
public class PortsTest {

    private String previousRange;
    private int first;

    @BeforeEach
    void narrowThePortRange() {
        previousRange = System.getProperty(Ports.RANGE_PROPERTY);
        first = Ports.FIRST + 3 * ThreadLocalRandom.current().nextInt((Ports.LAST - Ports.FIRST) / 3);
        System.setProperty(Ports.RANGE_PROPERTY, first + "-" + (first + 2));
    }

    @AfterEach
    void restore() {
        if (previousRange == null) {
            System.clearProperty(Ports.RANGE_PROPERTY);
        } else {
            System.setProperty(Ports.RANGE_PROPERTY, previousRange);
        }
    }

    @Test
    void aReservedPortIsNotHandedOutAgainUntilReleased() {
        Ports.Reservation a = Ports.reserve();
        Ports.Reservation b = Ports.reserve();
        Ports.Reservation c = Ports.reserve();
        try {
            assertThat(List.of(a.port(), b.port(), c.port()))
                    .doesNotHaveDuplicates()
                    .allMatch(port -> port >= first && port <= first + 2);
            assertThatThrownBy(Ports::reserve)
                    .isInstanceOf(UncheckedIOException.class)
                    .hasMessageContaining("Could not find a free local port in " + first + "-" + (first + 2));

            b.close();
            try (Ports.Reservation again = Ports.reserve()) {
                assertThat(again.port()).isEqualTo(b.port());
            }
        } finally {
            a.close();
            c.close();
        }
    }

    @Test
    void aConfiguredPortReservedElsewhereIsReportedByNumber() {
        try (Ports.Reservation held = Ports.reserve()) {
            assertThatThrownBy(() -> Ports.reserve(held.port(), "Kafka"))
                    .hasMessageContaining(
                            "Kafka cannot start: port " + held.port() + " is reserved by another RunOnce");
        }
    }

    @Test
    void aPortInUseIsNeverReservedAndIsReportedWhenConfigured() throws IOException {
        try (ServerSocket busy = new ServerSocket(first, 1, InetAddress.getLoopbackAddress());
                Ports.Reservation a = Ports.reserve();
                Ports.Reservation b = Ports.reserve()) {
            assertThat(List.of(a.port(), b.port())).doesNotContain(first);
            assertThat(Ports.takenMeanwhile(List.of(a, b))).isFalse();
            assertThatThrownBy(() -> Ports.reserve(first, "PostgreSQL"))
                    .hasMessageContaining("PostgreSQL cannot start: port " + first + " is already in use");
        }
    }
}
