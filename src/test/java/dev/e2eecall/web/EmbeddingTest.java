package dev.e2eecall.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.Cookie;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** {@code EMBED_ORIGINS}: its check, and the headers and cookie attributes it switches, with and without it. */
class EmbeddingTest {

    private static final String PORTALS = "https://portal.example.com, http://127.0.0.1:8080";

    private static EmbedProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("embed", EmbedProperties.class);
    }

    private static MockHttpServletResponse answer(EmbedProperties embedding) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        new SecurityHeaders(embedding)
                .doFilter(new MockHttpServletRequest("GET", "/room/x"), response, new MockFilterChain());
        return response;
    }

    private static Cookie sessionCookie(EmbedProperties embedding, Map<String, String> set) {
        TomcatServletWebServerFactory factory = new TomcatServletWebServerFactory();
        Cookie cookie = factory.getSettings().getSession().getCookie();
        if (set.containsKey("same-site")) {
            cookie.setSameSite(Cookie.SameSite.valueOf(set.get("same-site")));
        }
        new SessionCookie().sessionCookieAttributes(embedding).customize(factory);
        return cookie;
    }

    @Test
    void noSetting_allowsNoOtherSite() {
        assertThat(bind(Map.of()).allowedOrigins()).isEmpty();
        assertThat(bind(Map.of()).enabled()).isFalse();
    }

    @Test
    void namedOrigins_areReadAsBrowsersSendThem() {
        EmbedProperties embedding =
                bind(Map.of("embed.origins", "https://Portal.Example.com:443, http://127.0.0.1:8080"));

        assertThat(embedding.allowedOrigins()).containsExactly("https://portal.example.com", "http://127.0.0.1:8080");
        assertThat(embedding.enabled()).isTrue();
    }

    @Test
    void wildcard_stopsBindingNamingTheVariable() {
        assertThatThrownBy(() -> bind(Map.of("embed.origins", "*")))
                .isInstanceOf(BindException.class)
                .rootCause()
                .hasMessageStartingWith("EMBED_ORIGINS: \"*\" is not a web origin (a wildcard is not allowed");
    }

    @Test
    void originWithAPath_stopsBindingNamingTheVariable() {
        assertThatThrownBy(() -> bind(Map.of("embed.origins", "https://portal.example.com/call")))
                .isInstanceOf(BindException.class)
                .rootCause()
                .hasMessageStartingWith(
                        "EMBED_ORIGINS: \"https://portal.example.com/call\" is not a web origin (it has a path");
    }

    @Test
    void noSetting_onlyTheAppsOwnPagesMayFrameIt() throws Exception {
        MockHttpServletResponse response = answer(bind(Map.of()));

        assertThat(response.getHeader("Content-Security-Policy")).contains("; frame-ancestors 'self'; ");
        assertThat(response.getHeader("Permissions-Policy"))
                .isEqualTo(
                        "camera=(self), microphone=(self), display-capture=(self), fullscreen=(self), geolocation=(), payment=()");
    }

    @Test
    void namedOrigins_mayFrameIt_andDelegateCameraMicrophoneScreenAndFullscreen() throws Exception {
        MockHttpServletResponse response = answer(bind(Map.of("embed.origins", PORTALS)));

        assertThat(response.getHeader("Content-Security-Policy"))
                .contains("; frame-ancestors 'self' https://portal.example.com http://127.0.0.1:8080; ");
        assertThat(response.getHeader("Permissions-Policy"))
                .isEqualTo(
                        "camera=(self), microphone=(self), display-capture=(self), fullscreen=(self), geolocation=(), payment=()");
    }

    @Test
    void noSetting_sessionCookieIsLax_andSecureOnlyOverHttps() {
        Cookie cookie = sessionCookie(bind(Map.of()), Map.of());

        assertThat(cookie.getSameSite()).isEqualTo(Cookie.SameSite.LAX);
        assertThat(cookie.getHttpOnly()).isTrue();
        assertThat(cookie.getSecure()).isNull();
        assertThat(cookie.getPartitioned()).isNull();
    }

    @Test
    void namedOrigins_sessionCookieIsNoneSecurePartitioned() {
        Cookie cookie = sessionCookie(bind(Map.of("embed.origins", PORTALS)), Map.of());

        assertThat(cookie.getSameSite()).isEqualTo(Cookie.SameSite.NONE);
        assertThat(cookie.getSecure()).isTrue();
        assertThat(cookie.getPartitioned()).isTrue();
        assertThat(cookie.getHttpOnly()).isTrue();
    }

    @Test
    void sameSiteProperty_stillWins() {
        Cookie cookie = sessionCookie(bind(Map.of("embed.origins", PORTALS)), Map.of("same-site", "STRICT"));

        assertThat(cookie.getSameSite()).isEqualTo(Cookie.SameSite.STRICT);
    }
}
