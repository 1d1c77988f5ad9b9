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
 * ({@code server.forward-headers-strategy=native}).
 *
 * <p>When other sites may frame the app ({@code EMBED_ORIGINS}), the cookie is
 * {@code SameSite=None; Secure; Partitioned} instead: a browser sends no Lax cookie from inside
 * another site's frame, so Vaadin's session would be lost after the first request; {@code None}
 * needs {@code Secure}; and {@code Partitioned} (CHIPS) keeps the cookie to the framing site, so
 * that current Chrome, Edge and Safari, which block unpartitioned third-party cookies, accept it.
 * Vaadin's own CSRF token still guards every request. The {@code server.servlet.session.cookie.*}
 * properties override these defaults.
 */
@Configuration(proxyBeanMethods = false)
class SessionCookie {

    /** Runs after Spring Boot has applied the {@code server.servlet.session} properties. */
    @Bean
    WebServerFactoryCustomizer<ConfigurableServletWebServerFactory> sessionCookieAttributes(EmbedProperties embedding) {
        return factory -> {
            Cookie cookie = factory.getSettings().getSession().getCookie();
            boolean framed = embedding.enabled();
            if (cookie.getSameSite() == null) {
                cookie.setSameSite(framed ? Cookie.SameSite.NONE : Cookie.SameSite.LAX);
            }
            if (cookie.getHttpOnly() == null) {
                cookie.setHttpOnly(true);
            }
            if (framed && cookie.getSecure() == null) {
                cookie.setSecure(true);
            }
            if (framed && cookie.getPartitioned() == null) {
                cookie.setPartitioned(true);
            }
        };
    }
}
