package dev.e2eecall.api;

import dev.e2eecall.join.JoinException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * How the API answers when it cannot hand out a ticket: an RFC 9457 problem
 * ({@code application/problem+json}) with the same user-facing message the page shows, a
 * {@code reason} a program can act on, and a status that says who can fix it. Never a stack trace:
 * Spring MVC's own errors (wrong method, unreadable body, ...) become problems here too, and
 * anything unexpected is logged and answered with a plain 500.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiErrors extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

    /** The one place where a join's failure becomes an HTTP status. */
    static HttpStatus statusFor(JoinException.Reason reason) {
        return switch (reason) {
            case INVALID_ROOM, INVALID_NAME -> HttpStatus.BAD_REQUEST;
            case TOO_MANY_JOINS -> HttpStatus.TOO_MANY_REQUESTS;
            case ROOM_FULL, NO_VIDEO_SERVICE -> HttpStatus.CONFLICT;
            case SERVICE_REFUSED, SERVICE_UNREACHABLE, UNEXPECTED_ANSWER -> HttpStatus.BAD_GATEWAY;
            case SERVICE_UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
            case SERVICE_TIMED_OUT -> HttpStatus.GATEWAY_TIMEOUT;
            case NOT_ISSUED -> HttpStatus.INTERNAL_SERVER_ERROR;
        };
    }

    /** The reason as the answer names it: {@code INVALID_NAME} is {@code invalid-name}. */
    static String reasonName(JoinException.Reason reason) {
        return reason.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    @ExceptionHandler(JoinException.class)
    ResponseEntity<ProblemDetail> joinFailed(JoinException e) {
        HttpStatus status = statusFor(e.reason());
        ProblemDetail problem = problem(status, e.getMessage(), reasonName(e.reason()));
        HttpHeaders headers = new HttpHeaders();
        e.retryAfter()
                .ifPresent(wait -> headers.set(
                        HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, (wait.toMillis() + 999) / 1000))));
        return ResponseEntity.status(status).headers(headers).body(problem);
    }

    @ExceptionHandler(ApiRequestException.class)
    ResponseEntity<ProblemDetail> badRequest(ApiRequestException e) {
        return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, e.getMessage(), "invalid-request"));
    }

    /** Anything else the API's own handlers throw: a bug, logged here, never shown. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) throws Exception {
        if (!isApi(request)) {
            // not ours (the page's requests pass through Spring MVC too): let the usual handling have it
            throw e;
        }
        log.error("The API could not answer {} {}", request.getMethod(), request.getRequestURI(), e);
        return ResponseEntity.internalServerError()
                .body(problem(
                        HttpStatus.INTERNAL_SERVER_ERROR,
                        "This server could not handle the request. Please try again.",
                        "internal-error"));
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return ResponseEntity.badRequest()
                .body(problem(
                        HttpStatus.BAD_REQUEST,
                        "The request body must be JSON, such as {\"name\": \"Ada\"}.",
                        "invalid-request"));
    }

    private static boolean isApi(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals(TicketApi.SAMPLE_SESSION_PATH) || path.startsWith("/api/");
    }

    private static ProblemDetail problem(HttpStatus status, @Nullable String message, String reason) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, message);
        problem.setProperty("reason", reason);
        return problem;
    }
}
