package dev.e2eecall.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The session cookie's attributes as a browser receives them from the packaged app, over plain
 * HTTP and through a proxy that ended TLS; and the client address the app sees behind that proxy,
 * read from Tomcat's access log, which logs what {@code request.getRemoteAddr()} returned while the
 * request was handled.
 */
class SessionCookieIT {

    @TempDir
    Path workingDirectory;

    private static String sessionCookie(PackagedApp app, Map<String, String> headers) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpRequest.Builder request = HttpRequest.newBuilder(app.url("/")).timeout(Duration.ofSeconds(30));
            headers.forEach(request::header);
            HttpResponse<Void> response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
            List<String> cookies = response.headers().allValues("Set-Cookie").stream()
                    .filter(cookie -> cookie.startsWith("JSESSIONID="))
                    .toList();
            assertThat(cookies).hasSize(1);
            return cookies.getFirst();
        }
    }

    private Map<String, String> accessLog() {
        return Map.of(
                "SERVER_TOMCAT_ACCESSLOG_ENABLED",
                "true",
                "SERVER_TOMCAT_ACCESSLOG_DIRECTORY",
                workingDirectory.toString(),
                "SERVER_TOMCAT_ACCESSLOG_PREFIX",
                "access",
                "SERVER_TOMCAT_ACCESSLOG_SUFFIX",
                ".log",
                "SERVER_TOMCAT_ACCESSLOG_BUFFERED",
                "false",
                // the address the forwarded headers gave the request, as request.getRemoteAddr() returned it
                "SERVER_TOMCAT_ACCESSLOG_REQUEST_ATTRIBUTES_ENABLED",
                "true",
                "SERVER_TOMCAT_ACCESSLOG_PATTERN",
                "%a %r");
    }

    private List<String> accessLogLines() throws Exception {
        try (var files = Files.list(workingDirectory)) {
            Path log = files.filter(file -> file.getFileName().toString().startsWith("access"))
                    .findFirst()
                    .orElseThrow();
            return Files.readAllLines(log);
        }
    }

    @Test
    void plainHttp_cookieIsLaxAndHttpOnly_butNotSecure() throws Exception {
        try (PackagedApp app = PackagedApp.start(workingDirectory, Map.of())) {
            String cookie = sessionCookie(app, Map.of());

            assertThat(cookie).contains("; SameSite=Lax").contains("; HttpOnly").doesNotContain("Secure");
        }
    }

    @Test
    void httpsEndedByALocalProxy_cookieIsSecure_andTheClientAddressIsTheForwardedOne() throws Exception {
        try (PackagedApp app = PackagedApp.start(workingDirectory, accessLog())) {
            String cookie = sessionCookie(app, Map.of("X-Forwarded-Proto", "https", "X-Forwarded-For", "203.0.113.7"));

            assertThat(cookie).contains("; Secure").contains("; SameSite=Lax").contains("; HttpOnly");
            assertThat(accessLogLines()).contains("203.0.113.7 GET / HTTP/1.1");
        }
    }

    @Test
    void forwardedHeadersFromAnAddressThatIsNoTrustedProxy_areIgnored() throws Exception {
        Map<String, String> environment = new HashMap<>(accessLog());
        // only 10.9.9.9 is a proxy now, so the test's own connection from 127.0.0.1 is not one
        environment.put("TRUSTED_PROXIES", "10.9.9.9");
        try (PackagedApp app = PackagedApp.start(workingDirectory, environment)) {
            String cookie = sessionCookie(app, Map.of("X-Forwarded-Proto", "https", "X-Forwarded-For", "203.0.113.7"));

            assertThat(cookie).doesNotContain("Secure");
            assertThat(accessLogLines())
                    .noneMatch(line -> line.startsWith("203.0.113.7"))
                    .anyMatch(line -> line.endsWith("GET / HTTP/1.1"));
        }
    }
}
