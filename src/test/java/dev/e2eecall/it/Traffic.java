package dev.e2eecall.it;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Request;
import com.microsoft.playwright.WebSocket;
import com.microsoft.playwright.WebSocketFrame;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Everything one page sends to the server (request URLs, headers and bodies, websocket frames)
 * and receives from it (response bodies, websocket frames), captured for searching.
 */
final class Traffic {

    private final List<String> sent = new CopyOnWriteArrayList<>();
    private final List<String> received = new CopyOnWriteArrayList<>();

    static Traffic capture(Page page) {
        Traffic traffic = new Traffic();
        page.onRequest(request -> traffic.sent.add(describe(request)));
        page.onResponse(response -> {
            try {
                traffic.received.add(response.url() + "\n" + response.allHeaders() + "\n"
                        + new String(response.body(), StandardCharsets.UTF_8));
            } catch (RuntimeException redirectOrGone) {
                // redirects and aborted responses have no body to search
                traffic.received.add(response.url() + "\n" + response.allHeaders());
            }
        });
        page.onWebSocket(socket -> watch(socket, traffic));
        return traffic;
    }

    private static void watch(WebSocket socket, Traffic traffic) {
        traffic.sent.add("websocket " + socket.url());
        socket.onFrameSent(frame -> traffic.sent.add(frameText(frame)));
        socket.onFrameReceived(frame -> traffic.received.add(frameText(frame)));
    }

    private static String frameText(WebSocketFrame frame) {
        return frame.text() != null ? frame.text() : new String(frame.binary(), StandardCharsets.UTF_8);
    }

    private static String describe(Request request) {
        byte[] body = request.postDataBuffer();
        return request.method() + " " + request.url() + "\n" + request.headers() + "\n"
                + (body == null ? "" : new String(body, StandardCharsets.UTF_8));
    }

    /** Everything sent so far, one entry per request or frame. */
    List<String> sent() {
        return List.copyOf(sent);
    }

    /** Everything received so far, one entry per response or frame. */
    List<String> received() {
        return List.copyOf(received);
    }

    /** How many entries sent so far contain {@code text}. */
    long sentContaining(String text) {
        return sent.stream().filter(entry -> entry.contains(text)).count();
    }

    /** How many entries received so far contain {@code text}. */
    long receivedContaining(String text) {
        return received.stream().filter(entry -> entry.contains(text)).count();
    }
}
