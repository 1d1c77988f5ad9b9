package dev.e2eecall.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Security headers on every answer. The Content-Security-Policy is as tight as Vaadin and
 * OpenTok.js allow: Vaadin's client runs server-sent JavaScript through {@code Function} (hence
 * {@code 'unsafe-eval'}) and inline bootstrap scripts; OpenTok.js's E2EE needs WebAssembly
 * ({@code 'wasm-unsafe-eval'}) and reaches the video service's hosts. Only the app's own pages, and
 * those of {@code EMBED_ORIGINS}, may frame it ({@code frame-ancestors}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class SecurityHeaders extends OncePerRequestFilter {

    private static final String VIDEO_SERVICE = "https://*.opentok.com wss://*.opentok.com https://*.tokbox.com "
            + "wss://*.tokbox.com https://*.vonage.com wss://*.vonage.com";

    /**
     * What a page may let this app use when it frames it (the iframe's {@code allow} attribute). In a
     * frame, {@code self} is this app's origin, which is the origin these features are checked for;
     * the framing page's own origin would add nothing here.
     */
    static final String PERMISSIONS_POLICY = "camera=(self), microphone=(self), display-capture=(self), "
            + "fullscreen=(self), geolocation=(), payment=()";

    private final String contentSecurityPolicy;

    SecurityHeaders(EmbedProperties embedding) {
        this.contentSecurityPolicy = contentSecurityPolicy(embedding.allowedOrigins());
    }

    static String contentSecurityPolicy(List<String> framingOrigins) {
        return String.join(
                "; ",
                "default-src 'self'",
                "script-src 'self' 'unsafe-inline' 'unsafe-eval' 'wasm-unsafe-eval' blob:",
                "style-src 'self' 'unsafe-inline'",
                "img-src 'self' data: blob:",
                "font-src 'self' data:",
                "media-src 'self' blob: mediastream:",
                "connect-src 'self' " + VIDEO_SERVICE,
                "worker-src 'self' blob:",
                "frame-ancestors 'self'"
                        + framingOrigins.stream().map(origin -> " " + origin).collect(Collectors.joining()),
                "object-src 'none'",
                "base-uri 'self'",
                "form-action 'self'");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader("Content-Security-Policy", contentSecurityPolicy);
        response.setHeader("X-Content-Type-Options", "nosniff");
        // room URLs say who meets where: never hand them to other sites
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Permissions-Policy", PERMISSIONS_POLICY);
        chain.doFilter(request, response);
    }
}
