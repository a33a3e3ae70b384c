package org.runonce.localstack.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shared life cycle: a first start retried on fresh ports when a port was taken, and what close releases. */
class ChildProcessServerTest {

    @Test
    void aFirstStartWhosePortWasTakenMeanwhileIsRetriedOnAFreshPort() {
        try (FakeServer server = new FakeServer(0, 1)) {
            int first = server.port();

            server.start();

            assertThat(server.launchedOn).hasSize(2).first().isEqualTo(first);
            assertThat(server.port()).isNotEqualTo(first).isEqualTo(server.launchedOn.get(1));
            assertThat(server.isRunning()).isTrue();
        }
    }

    @Test
    void aConfiguredPortIsNotExchanged() {
        int configured;
        try (Ports.Reservation probe = Ports.reserve()) {
            configured = probe.port();
        }
        try (FakeServer server = new FakeServer(configured, 1)) {
            assertThatThrownBy(server::start).isInstanceOf(Ports.PortInUseException.class);
            assertThat(server.launchedOn).containsExactly(configured);
        }
    }

    @Test
    void givesUpAfterThreeAttemptsAndCloseReleasesThePortAndTheData() {
        FakeServer server = new FakeServer(0, 5);
        assertThatThrownBy(server::start).isInstanceOf(Ports.PortInUseException.class);
        assertThat(server.launchedOn).hasSize(Ports.START_ATTEMPTS);

        int port = server.port();
        server.close();

        assertThat(server.cleanedUp).isTrue();
        try (Ports.Reservation again = Ports.reserve(port, "test")) {
            assertThat(again.port()).isEqualTo(port); // no longer reserved by the closed server
        }
        assertThatThrownBy(server::start).hasMessageContaining("was closed");
    }

    /** Fails its first {@code failures} launches as if another process had bound its port. */
    private static final class FakeServer extends ChildProcessServer {

        private final int requested;
        private int failures;
        private boolean running;
        private boolean cleanedUp;
        private final List<Integer> launchedOn = new ArrayList<>();

        FakeServer(int requested, int failures) {
            super("fake", requested == 0, false);
            this.requested = requested;
            this.failures = failures;
            reserveConfiguredPorts();
        }

        int port() {
            return port(0);
        }

        @Override
        protected List<Ports.Reservation> reservePorts(boolean fresh) {
            return List.of(Ports.reserve(fresh ? 0 : requested, "fake"));
        }

        @Override
        protected void launch() {
            launchedOn.add(port());
            if (failures-- > 0) {
                throw new Ports.PortInUseException("fake cannot start: port " + port() + " is already in use");
            }
            running = true;
        }

        @Override
        protected void halt() {
            running = false;
        }

        @Override
        protected void cleanUp() {
            cleanedUp = true;
        }

        @Override
        public boolean isRunning() {
            return running;
        }
    }
}
