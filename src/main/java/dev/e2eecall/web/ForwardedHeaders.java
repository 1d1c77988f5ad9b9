package dev.e2eecall.web;

import org.apache.catalina.valves.RemoteIpValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Behind a proxy that ends TLS, Tomcat takes the client's address and scheme from
 * {@code X-Forwarded-For} and {@code X-Forwarded-Proto} ({@code server.forward-headers-strategy=native}),
 * but only on connections from the {@link TrustedProxies}: Tomcat's own default trusts every private
 * and loopback address, so anyone on the same LAN, VPN or pod network could claim any address.
 */
@Configuration(proxyBeanMethods = false)
class ForwardedHeaders {

    /** Runs after Spring Boot has added the valve from the {@code server.tomcat.remoteip} properties. */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> trustedProxiesOnly(TrustedProxies proxies) {
        return factory -> factory.getEngineValves().stream()
                .filter(RemoteIpValve.class::isInstance)
                .map(RemoteIpValve.class::cast)
                .forEach(valve -> valve.setInternalProxies(proxies.internalProxiesPattern()));
    }
}
