package dev.e2eecall.it;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Request;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.WebSocket;
import com.microsoft.playwright.WebSocketFrame;
import dev.e2eecall.KeyForms;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Everything one page sends to the server (request URLs, headers and bodies, websocket frames)
 * and receives from it (response URLs, headers and bodies, websocket frames), captured as bytes
 * for searching: {@link #sentFormsOf} looks for a secret in every form {@link KeyForms} knows.
 */
final class Traffic {

    /** One request, response or frame: what it was, and everything it carried. */
    record Entry(String what, byte[] content) {

        String text() {
            return new String(content, StandardCharsets.UTF_8);
        }
    }

    private final List<Entry> sent = new CopyOnWriteArrayList<>();
    private final List<Entry> received = new CopyOnWriteArrayList<>();

    static Traffic capture(Page page) {
        Traffic traffic = new Traffic();
        page.onRequest(
                request -> traffic.recordSent("request " + request.method() + " " + request.url(), describe(request)));
        // the headers as sent, cookies included, are known once the request is over
        page.onRequestFinished(
                request -> traffic.recordSent("headers of " + request.url(), headers(request.allHeaders())));
        page.onRequestFailed(
                request -> traffic.recordSent("headers of " + request.url(), headers(request.allHeaders())));
        page.onResponse(response -> traffic.recordReceived("response " + response.url(), describe(response)));
        page.onWebSocket(socket -> watch(socket, traffic));
        return traffic;
    }

    private static void watch(WebSocket socket, Traffic traffic) {
        traffic.recordSent("websocket " + socket.url(), utf8("websocket " + socket.url()));
        socket.onFrameSent(frame -> traffic.recordSent("frame sent on " + socket.url(), content(frame)));
        socket.onFrameReceived(frame -> traffic.recordReceived("frame received on " + socket.url(), content(frame)));
    }

    private static byte[] content(WebSocketFrame frame) {
        return frame.text() != null ? utf8(frame.text()) : frame.binary();
    }

    private static byte[] describe(Request request) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(utf8(request.method() + " " + request.url() + "\n"));
        out.writeBytes(headers(request.headers()));
        byte[] body = request.postDataBuffer();
        if (body != null) {
            out.writeBytes(body);
        }
        return out.toByteArray();
    }

    private static byte[] describe(Response response) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(utf8(response.status() + " " + response.url() + "\n"));
        out.writeBytes(headers(response.allHeaders()));
        try {
            out.writeBytes(response.body());
        } catch (RuntimeException redirectOrGone) {
            // redirects and aborted responses have no body to search
        }
        return out.toByteArray();
    }

    private static byte[] headers(Map<String, String> headers) {
        StringBuilder text = new StringBuilder();
        headers.forEach(
                (name, value) -> text.append(name).append(": ").append(value).append('\n'));
        return utf8(text.toString());
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Records what a page sent; the capture calls it, and tests of the search itself. */
    void recordSent(String what, byte[] content) {
        sent.add(new Entry(what, content.clone()));
    }

    /** Records what a page received; the capture calls it, and tests of the search itself. */
    void recordReceived(String what, byte[] content) {
        received.add(new Entry(what, content.clone()));
    }

    /** Everything sent so far as text, one entry per request or frame. */
    List<String> sent() {
        return sent.stream().map(Entry::text).toList();
    }

    /** Everything received so far as text, one entry per response or frame. */
    List<String> received() {
        return received.stream().map(Entry::text).toList();
    }

    /** How many entries sent so far contain {@code text} as it is. */
    long sentContaining(String text) {
        return sent.stream().filter(entry -> entry.text().contains(text)).count();
    }

    /** How many entries received so far contain {@code text} as it is. */
    long receivedContaining(String text) {
        return received.stream().filter(entry -> entry.text().contains(text)).count();
    }

    /**
     * Where {@code secret} appears in what was sent, in any of its {@link KeyForms}: one line per
     * entry and form found ("form in what"); empty when it appears nowhere.
     */
    List<String> sentFormsOf(String secret) {
        return formsIn(sent, KeyForms.of(secret));
    }

    /**
     * The same for what was received, but for the pre-built scripts under {@code /VAADIN/build/}:
     * those are the same bytes for everyone, built before any key existed, and a short key can be
     * in their code by chance ({@code abcdefgh} is in every base64 alphabet).
     */
    List<String> receivedFormsOf(String secret) {
        return formsIn(
                received.stream()
                        .filter(entry -> !entry.what().matches("response .*/VAADIN/build/[^/?]+\\.js"))
                        .toList(),
                KeyForms.of(secret));
    }

    private static List<String> formsIn(List<Entry> entries, KeyForms forms) {
        List<String> found = new ArrayList<>();
        for (Entry entry : entries) {
            for (String form : forms.foundIn(entry.content())) {
                found.add(form + " in " + entry.what());
            }
        }
        return found;
    }
}
