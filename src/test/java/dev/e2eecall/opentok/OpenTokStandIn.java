package dev.e2eecall.opentok;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * A local stand-in for the OpenTok REST API's {@code POST /session/create}, answering as the real
 * service does: a JSON array with one session whose id encodes the API key (the SDK checks that
 * when it generates a token).
 */
public final class OpenTokStandIn implements AutoCloseable {

    private final WireMockServer server =
            new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    private final int apiKey;
    private String sessionId;

    public OpenTokStandIn(int apiKey) {
        this.apiKey = apiKey;
        this.sessionId = sessionId(UUID.randomUUID().toString().replace("-", ""));
        server.start();
        answerWithSession();
    }

    /** The API key the stand-in's session ids are made for. */
    public int apiKey() {
        return apiKey;
    }

    public URI url() {
        return URI.create(server.baseUrl());
    }

    /** Answers every create with a well-formed session, {@link #sessionId()}. */
    public void answerWithSession() {
        answer(aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody(sessionJson()));
    }

    /** Answers every create from now on with a session id not handed out before, and returns it. */
    public String answerWithNewSession() {
        sessionId = sessionId(UUID.randomUUID().toString().replace("-", ""));
        answerWithSession();
        return sessionId;
    }

    /** The session id this stand-in hands out. */
    public String sessionId() {
        return sessionId;
    }

    /** Forgets the requests seen so far and answers with {@link #sessionId()} again. */
    public void reset() {
        server.resetRequests();
        answerWithSession();
    }

    /** Answers every create the given way, for faults. */
    public void answer(ResponseDefinitionBuilder response) {
        server.resetMappings();
        server.stubFor(post(urlPathEqualTo("/session/create")).willReturn(response));
    }

    /** A session id the way the service makes them: {@code 1_} and base64 of fields with the API key. */
    private String sessionId(String unique) {
        String fields = "1~" + apiKey + "~~" + System.currentTimeMillis() + "~" + unique + "~~~";
        return "1_" + Base64.getUrlEncoder().withoutPadding().encodeToString(fields.getBytes(StandardCharsets.UTF_8));
    }

    private String sessionJson() {
        return "[{\"session_id\":\"" + sessionId + "\",\"project_id\":\"" + apiKey + "\",\"partner_id\":\"" + apiKey
                + "\",\"create_dt\":\"Sat Nov 28 14:00:00 PST 2026\",\"media_server_url\":\"\"}]";
    }

    public List<LoggedRequest> createRequests() {
        return server.findAll(postRequestedFor(urlPathEqualTo("/session/create")));
    }

    @Override
    public void close() {
        server.stop();
    }
}
