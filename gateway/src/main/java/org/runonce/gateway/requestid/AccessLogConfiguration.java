package org.runonce.gateway.requestid;

import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.netty.http.server.logging.AccessLog;
import reactor.netty.http.server.logging.AccessLogArgProvider;

/**
 * One access log line per request (logger {@code reactor.netty.http.server.AccessLog}) with method, path, status,
 * duration and request id. Written by Reactor Netty once the response is complete, so the status is the one the
 * client got, also when an error handler or the security chain produced it.
 */
@Configuration(proxyBeanMethods = false)
class AccessLogConfiguration {

    @Bean
    NettyServerCustomizer accessLogCustomizer() {
        return server -> server.accessLog(true, AccessLogConfiguration::line);
    }

    static AccessLog line(AccessLogArgProvider request) {
        return AccessLog.create(
                "{} {} {} {}ms requestId={}",
                request.method(),
                pathOnly(request.uri()),
                request.status(),
                request.duration(),
                request.responseHeader(RequestIds.HEADER));
    }

    // The query string may carry personal data; the path is enough to correlate.
    static String pathOnly(CharSequence uri) {
        if (uri == null) {
            return "-";
        }
        String value = uri.toString();
        int query = value.indexOf('?');
        return query < 0 ? value : value.substring(0, query);
    }
}
