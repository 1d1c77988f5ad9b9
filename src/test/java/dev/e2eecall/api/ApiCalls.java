package dev.e2eecall.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A client of the API over real HTTP, as a native app or another server would be: no cookies, no
 * browser. Keeps every answer, headers and body, so that a test can search all of them.
 */
final class ApiCalls implements AutoCloseable {

    private static final JsonMapper json = JsonMapper.builder().build();

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final List<HttpResponse<String>> answers = new CopyOnWriteArrayList<>();

    ApiCalls(int port) {
        // an address, not a name: the limits count by the address the server sees
        this.base = "http://127.0.0.1:" + port;
    }

    HttpResponse<String> get(String path, String... headers) {
        return send(request(path, headers).GET());
    }

    HttpResponse<String> postJson(String path, String body, String... headers) {
        return send(request(path, headers)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    HttpResponse<String> send(String method, String path, String body, String... headers) {
        return send(request(path, headers)
                .method(
                        method,
                        body.isEmpty()
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(body)));
    }

    /** A ticket for a room, as {@code POST /api/rooms/{room}/tickets} with {@code {"name": ...}}. */
    HttpResponse<String> ticket(String room, String name) {
        return postJson(
                "/api/rooms/" + room + "/tickets",
                json.createObjectNode().put("name", name).toString());
    }

    private HttpRequest.Builder request(String path, String... headers) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return request;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            answers.add(answer);
            return answer;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode body(HttpResponse<String> answer) {
        return json.readTree(answer.body());
    }

    /** Every answer so far: status line, headers and body, one text each. */
    List<String> answers() {
        return answers.stream()
                .map(answer -> answer.statusCode() + " " + answer.uri() + "\n"
                        + headersOf(answer.headers().map()) + "\n" + answer.body())
                .toList();
    }

    private static String headersOf(Map<String, List<String>> headers) {
        StringBuilder text = new StringBuilder();
        headers.forEach((name, values) ->
                text.append(name).append(": ").append(String.join(", ", values)).append('\n'));
        return text.toString();
    }

    @Override
    public void close() {
        http.close();
    }
}
