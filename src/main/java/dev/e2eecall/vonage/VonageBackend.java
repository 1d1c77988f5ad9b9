package dev.e2eecall.vonage;

import com.vonage.client.HttpConfig;
import com.vonage.client.VonageApiResponseException;
import com.vonage.client.VonageClient;
import com.vonage.client.VonageClientException;
import com.vonage.client.video.CreateSessionRequest;
import com.vonage.client.video.CreateSessionResponse;
import com.vonage.client.video.MediaMode;
import com.vonage.client.video.Role;
import com.vonage.client.video.TokenOptions;
import com.vonage.client.video.VideoClient;
import dev.e2eecall.call.CallTicket;
import dev.e2eecall.join.DisplayName;
import dev.e2eecall.join.JoinException;
import dev.e2eecall.join.Requester;
import dev.e2eecall.join.RoomDirectory;
import dev.e2eecall.join.RoomName;
import dev.e2eecall.join.VideoBackend;
import dev.e2eecall.join.VideoServiceErrors;
import dev.e2eecall.join.VideoServiceProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls on the Vonage Video API with application credentials: one routed session with end-to-end
 * encryption per room, created on the room's first join, and a publisher token (an RS256 JWT) per join.
 */
final class VonageBackend implements VideoBackend {

    private static final Logger log = LoggerFactory.getLogger(VonageBackend.class);
    private static final JsonMapper json = JsonMapper.builder().build();

    private final VonageProperties properties;
    /** Checked at start-up: this backend is chosen only when the application id and key are both set. */
    private final String applicationId;

    private final VideoServiceProperties service;
    private final CloseableHttpClient http;
    private final VideoClient video;
    private final RoomDirectory rooms;

    /** @param rooms where each room's session is kept, in this instance or in the cluster */
    VonageBackend(VonageProperties properties, VideoServiceProperties service, RoomDirectory rooms) {
        this.rooms = rooms;
        this.properties = properties;
        this.applicationId = Objects.requireNonNull(properties.applicationId(), "VONAGE_APPLICATION_ID");
        this.service = service;
        int timeout = Math.toIntExact(service.requestTimeout().toMillis());
        // our own client, so that it is ours to close and carries the timeout
        this.http = HttpClients.custom()
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setConnectTimeout(timeout)
                        .setConnectionRequestTimeout(timeout)
                        .setSocketTimeout(timeout)
                        .build())
                .disableRedirectHandling()
                .build();
        this.video = VonageClient.builder()
                .applicationId(properties.applicationId())
                .privateKeyContents(properties.privateKeyPem())
                .httpConfig(HttpConfig.builder()
                        .videoBaseUri(properties.apiUrl().toString().replaceAll("/+$", ""))
                        .timeoutMillis(timeout)
                        .build())
                .httpClient(http)
                .build()
                .getVideoClient();
    }

    @Override
    public CallTicket join(RoomName room, DisplayName name, Requester requester) {
        String sessionId = rooms.sessionFor(room, this::createE2eeSession);
        String token = video.generateToken(
                sessionId,
                TokenOptions.builder()
                        .role(Role.PUBLISHER)
                        .expiryLength(service.tokenTtl())
                        .data(json.createObjectNode().put("name", name.value()).toString())
                        .build());
        // OpenTok.js takes the application id where it takes an API key
        return new CallTicket.OpenTok(applicationId, sessionId, token, room.value(), name.value(), expiryOf(token));
    }

    /**
     * The token's own {@code exp} claim: the SDK takes only a length and reads its clock itself,
     * so the expiry is read back from what it signed.
     */
    static Instant expiryOf(String token) {
        String[] parts = token.split("\\.");
        if (parts.length == 3) {
            JsonNode exp =
                    json.readTree(Base64.getUrlDecoder().decode(parts[1])).path("exp");
            if (exp.isNumber()) {
                return Instant.ofEpochSecond(exp.asLong());
            }
        }
        throw new JoinException(
                JoinException.Reason.NOT_ISSUED, "Could not issue a ticket for this call. Please try again.");
    }

    @Override
    public Kind kind() {
        return Kind.VONAGE_APPLICATION;
    }

    @Override
    public String description() {
        return "Calls run on the Vonage Video API (application " + properties.applicationId()
                + "), end-to-end encrypted.";
    }

    private String createE2eeSession(RoomName room) {
        CreateSessionResponse response;
        try {
            response = video.createSession(CreateSessionRequest.builder()
                    .mediaMode(MediaMode.ROUTED)
                    .e2ee(true)
                    .build());
        } catch (VonageApiResponseException e) {
            log.warn("The video service answered {} when creating a session for room {}", e.getStatusCode(), room);
            throw VideoServiceErrors.refused(
                    e.getStatusCode(),
                    e.getTitle() + " " + e.getDetail(),
                    "VONAGE_APPLICATION_ID and VONAGE_PRIVATE_KEY");
        } catch (VonageClientException | UncheckedIOException e) {
            if (hasCause(e, SocketTimeoutException.class)) {
                log.warn("The video service did not answer within {} for room {}", service.requestTimeout(), room);
                throw VideoServiceErrors.timedOut(e);
            }
            if (hasCause(e, IOException.class)) {
                log.warn("Could not reach the video service at {} for room {}", properties.apiUrl(), room);
                throw VideoServiceErrors.unreachable(e);
            }
            log.warn("The video service's answer for room {} could not be read", room, e);
            throw VideoServiceErrors.unexpectedAnswer();
        }
        String sessionId = response.getSessionId();
        if (sessionId == null || sessionId.isBlank()) {
            log.warn("The video service's answer for room {} holds no session", room);
            throw VideoServiceErrors.unexpectedAnswer();
        }
        log.info("Created a routed E2EE session for room {}", room);
        return sessionId;
    }

    private static boolean hasCause(Throwable error, Class<? extends Throwable> type) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() {
        try {
            http.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
