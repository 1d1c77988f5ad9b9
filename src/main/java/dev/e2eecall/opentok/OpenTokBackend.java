package dev.e2eecall.opentok;

import com.opentok.MediaMode;
import com.opentok.Role;
import com.opentok.SessionProperties;
import com.opentok.TokenOptions;
import com.opentok.exception.OpenTokException;
import dev.e2eecall.call.CallTicket;
import dev.e2eecall.join.DisplayName;
import dev.e2eecall.join.JoinException;
import dev.e2eecall.join.Requester;
import dev.e2eecall.join.RoomDirectory;
import dev.e2eecall.join.RoomName;
import dev.e2eecall.join.VideoBackend;
import dev.e2eecall.join.VideoServiceErrors;
import dev.e2eecall.join.VideoServiceProperties;
import java.net.ConnectException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.asynchttpclient.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls on the Vonage Video API: one routed session with end-to-end encryption per room, created
 * on the room's first join, and a publisher token per join.
 */
final class OpenTokBackend implements VideoBackend {

    private static final Logger log = LoggerFactory.getLogger(OpenTokBackend.class);
    private static final JsonMapper json = JsonMapper.builder().build();

    private final OpenTokClient client;
    private final OpenTokProperties properties;
    /** Checked at start-up: this backend is chosen only when the key and secret are both set. */
    private final String apiKey;

    private final VideoServiceProperties service;
    private final Clock clock;
    private final RoomDirectory rooms;

    /** @param rooms where each room's session is kept, in this instance or in the cluster */
    OpenTokBackend(OpenTokProperties properties, VideoServiceProperties service, RoomDirectory rooms) {
        this(properties, service, rooms, Clock.systemUTC());
    }

    OpenTokBackend(OpenTokProperties properties, VideoServiceProperties service, RoomDirectory rooms, Clock clock) {
        this.client = new OpenTokClient(properties, service);
        this.rooms = rooms;
        this.properties = properties;
        this.apiKey = Objects.requireNonNull(properties.apiKey(), "API_KEY");
        this.service = service;
        this.clock = clock;
    }

    @Override
    public CallTicket join(RoomName room, DisplayName name, Requester requester) {
        String sessionId = rooms.sessionFor(room, this::createE2eeSession);
        // whole seconds, as the token carries it
        Instant expiresAt = clock.instant().plus(service.tokenTtl()).truncatedTo(ChronoUnit.SECONDS);
        return new CallTicket.OpenTok(
                apiKey, sessionId, publisherToken(sessionId, name, expiresAt), room.value(), name.value(), expiresAt);
    }

    @Override
    public Kind kind() {
        return Kind.OPENTOK_PROJECT;
    }

    @Override
    public String description() {
        return "Calls run on the Vonage Video API (project " + properties.apiKey() + "), end-to-end encrypted.";
    }

    private String createE2eeSession(RoomName room) {
        Map<String, Collection<String>> params = new SessionProperties.Builder()
                .mediaMode(MediaMode.ROUTED)
                .build()
                .toMap();
        params.put("e2ee", List.of("true"));
        Response response;
        try {
            response = client.createSession(params);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JoinException(JoinException.Reason.NOT_ISSUED, "Joining was interrupted. Please try again.", e);
        } catch (TimeoutException e) {
            throw timedOut(room, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TimeoutException timeout) {
                throw timedOut(room, timeout);
            }
            if (e.getCause() instanceof ConnectException) {
                log.warn("Could not reach the video service at {} for room {}", properties.apiUrl(), room);
            } else {
                log.warn("Creating a session for room {} failed", room, e.getCause());
            }
            throw VideoServiceErrors.unreachable(e);
        }
        String sessionId = sessionIdFrom(room, response);
        log.info("Created a routed E2EE session for room {}", room);
        return sessionId;
    }

    private JoinException timedOut(RoomName room, TimeoutException e) {
        log.warn("The video service did not answer within {} for room {}", service.requestTimeout(), room);
        return VideoServiceErrors.timedOut(e);
    }

    private static String sessionIdFrom(RoomName room, Response response) {
        int status = response.getStatusCode();
        String body = response.getResponseBody();
        if (status != 200) {
            log.warn(
                    "The video service answered {} when creating a session for room {}: {}",
                    status,
                    room,
                    abbreviate(body));
            throw VideoServiceErrors.refused(status, body, "API_KEY and API_SECRET");
        }
        try {
            JsonNode sessions = json.readTree(body);
            JsonNode sessionId = sessions.path(0).path("session_id");
            if (sessions.size() == 1
                    && sessionId.isString()
                    && !sessionId.asString().isBlank()) {
                return sessionId.asString();
            }
        } catch (JacksonException e) {
            // handled below, like any other answer without a session
        }
        log.warn("The video service's answer for room {} holds no session: {}", room, abbreviate(body));
        throw VideoServiceErrors.unexpectedAnswer();
    }

    private static String abbreviate(String body) {
        String oneLine = body.replaceAll("\\s+", " ");
        return oneLine.length() <= 200 ? oneLine : oneLine.substring(0, 200) + "…";
    }

    private String publisherToken(String sessionId, DisplayName name, Instant expiresAt) {
        try {
            return client.generateToken(
                    sessionId,
                    new TokenOptions.Builder()
                            .role(Role.PUBLISHER)
                            .expireTime(expiresAt.getEpochSecond())
                            .data(connectionData(name))
                            .build());
        } catch (OpenTokException e) {
            // the session id came from the service for this API key: this is a bug or a changed format
            throw new JoinException(
                    JoinException.Reason.NOT_ISSUED, "Could not issue a ticket for this call. Please try again.", e);
        }
    }

    /** What the other participants learn about this one: the display name, as JSON. */
    static String connectionData(DisplayName name) {
        return json.createObjectNode().put("name", name.value()).toString();
    }

    @Override
    public void close() {
        // the SDK's HTTP client runs a non-daemon thread that would keep the JVM alive
        client.close();
    }
}
