package dev.e2eecall.web;

import org.springframework.boot.web.server.Cookie;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.server.servlet.ConfigurableServletWebServerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The session cookie's attributes, in one place: {@code SameSite=Lax} (the browser sends it only
 * with requests from this site, and with links followed to it) and {@code HttpOnly}. {@code Secure}
 * is left to Tomcat, which sets it on every request that arrived over HTTPS: also behind a proxy
 * that ends TLS, since forwarded headers from proxies on internal addresses are honoured
 * ({@code server.forward-headers-strategy=native}). The {@code server.servlet.session.cookie.*}
 * properties still override these defaults.
 */
@Configuration(proxyBeanMethods = false)
class SessionCookie {

    /** Runs after Spring Boot has applied the {@code server.servlet.session} properties. */
    @Bean
    WebServerFactoryCustomizer<ConfigurableServletWebServerFactory> sessionCookieAttributes() {
        return factory -> {
            Cookie cookie = factory.getSettings().getSession().getCookie();
            if (cookie.getSameSite() == null) {
                cookie.setSameSite(Cookie.SameSite.LAX);
            }
            if (cookie.getHttpOnly() == null) {
                cookie.setHttpOnly(true);
            }
        };
    }
}
