package org.runonce.gateway.body;

import org.runonce.gateway.GatewayProperties;
import org.runonce.gateway.problem.Problem;
import org.runonce.gateway.problem.ProblemResponses;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Refuses request bodies over {@code runonce.gateway.max-body-size} ({@code max-upload-size} for multipart uploads)
 * with 413 {@code body-too-large}: an announced {@code Content-Length} before anything is read or proxied, a streamed
 * (chunked) body as soon as it passes the limit. The services check the same again (zero trust).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1) // right after the request id, before security reads anything
class BodyLimitFilter implements WebFilter {

    static final String SLUG = "body-too-large";

    private final GatewayProperties properties;
    private final ProblemResponses problems;

    BodyLimitFilter(GatewayProperties properties, ProblemResponses problems) {
        this.properties = properties;
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        long limit = limitOf(request);
        long announced = request.getHeaders().getContentLength();
        if (announced > limit) {
            return problems.write(exchange, tooLarge(limit));
        }
        if (announced >= 0) {
            return chain.filter(exchange); // the connection delivers no more than it announced
        }
        var limited = exchange.mutate().request(new Limited(request, limit)).build();
        return chain.filter(limited).onErrorResume(TooLarge.class, e -> problems.write(exchange, tooLarge(limit)));
    }

    private long limitOf(ServerHttpRequest request) {
        MediaType type = request.getHeaders().getContentType();
        boolean upload = type != null && "multipart".equalsIgnoreCase(type.getType());
        return (upload ? properties.maxUploadSize() : properties.maxBodySize()).toBytes();
    }

    static Problem tooLarge(long limit) {
        return Problem.of(
                        HttpStatus.CONTENT_TOO_LARGE,
                        SLUG,
                        "Request body too large",
                        "A request body here may have at most " + limit + " bytes.")
                .with("limit", limit);
    }

    /** Signals a streamed body past the limit; answered as a 413 problem. */
    static final class TooLarge extends RuntimeException {
        TooLarge() {
            super("request body too large", null, false, false);
        }
    }

    /** The request with a body that fails once more than {@code limit} bytes went through. */
    private static final class Limited extends ServerHttpRequestDecorator {

        private final long limit;

        Limited(ServerHttpRequest delegate, long limit) {
            super(delegate);
            this.limit = limit;
        }

        @Override
        public Flux<DataBuffer> getBody() {
            long[] seen = {0};
            return super.getBody().handle((buffer, sink) -> {
                seen[0] += buffer.readableByteCount();
                if (seen[0] > limit) {
                    DataBufferUtils.release(buffer);
                    sink.error(new TooLarge());
                } else {
                    sink.next(buffer);
                }
            });
        }
    }
}
