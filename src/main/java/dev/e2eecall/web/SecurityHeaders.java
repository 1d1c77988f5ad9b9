package dev.e2eecall.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Security headers on every answer. The Content-Security-Policy is as tight as Vaadin and
 * OpenTok.js allow: Vaadin's client runs server-sent JavaScript through {@code Function} (hence
 * {@code 'unsafe-eval'}) and inline bootstrap scripts; OpenTok.js's E2EE needs WebAssembly
 * ({@code 'wasm-unsafe-eval'}) and reaches the video service's hosts.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class SecurityHeaders extends OncePerRequestFilter {

    private static final String VIDEO_SERVICE = "https://*.opentok.com wss://*.opentok.com https://*.tokbox.com "
            + "wss://*.tokbox.com https://*.vonage.com wss://*.vonage.com";

    static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'self'",
            "script-src 'self' 'unsafe-inline' 'unsafe-eval' 'wasm-unsafe-eval' blob:",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data: blob:",
            "font-src 'self' data:",
            "media-src 'self' blob: mediastream:",
            "connect-src 'self' " + VIDEO_SERVICE,
            "worker-src 'self' blob:",
            "frame-ancestors 'none'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        // room URLs say who meets where: never hand them to other sites
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Permissions-Policy", "camera=(self), microphone=(self), geolocation=(), payment=()");
        chain.doFilter(request, response);
    }
}
