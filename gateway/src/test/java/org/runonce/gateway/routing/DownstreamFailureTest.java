package org.runonce.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.net.ConnectException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.runonce.gateway.routing.DownstreamFailureHandler.Failure;
import org.springframework.cloud.gateway.support.ServiceUnavailableException;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

class DownstreamFailureTest {

    @Test
    void recognisesAnOpenBreaker() {
        assertThat(Failure.of(
                        CallNotPermittedException.createCallNotPermittedException(CircuitBreaker.ofDefaults("intake"))))
                .isEqualTo(Failure.CIRCUIT_OPEN);
        assertThat(Failure.of(new ServiceUnavailableException())).isEqualTo(Failure.CIRCUIT_OPEN);
    }

    @Test
    void recognisesTheRouteResponseTimeout() {
        var timeout = new ResponseStatusException(
                HttpStatus.GATEWAY_TIMEOUT, "Response took longer than timeout: PT1S", new TimeoutException());
        assertThat(Failure.of(timeout)).isEqualTo(Failure.TIMEOUT);
    }

    @Test
    void recognisesAnUnreachableService() {
        assertThat(Failure.of(new RuntimeException(new ConnectException("Connection refused"))))
                .isEqualTo(Failure.UNREACHABLE);
    }

    @Test
    void leavesOtherErrorsToTheNextHandler() {
        assertThat(Failure.of(new ResponseStatusException(HttpStatus.NOT_FOUND)))
                .isNull();
        assertThat(Failure.of(new IllegalStateException("bug"))).isNull();
    }
}
