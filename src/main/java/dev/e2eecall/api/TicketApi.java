package dev.e2eecall.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.e2eecall.call.CallTicket;
import dev.e2eecall.join.CallProperties;
import dev.e2eecall.join.JoinService;
import dev.e2eecall.join.Requester;
import dev.e2eecall.join.VideoBackend;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Tickets for clients that run a Vonage Video SDK themselves: {@code GET /session} in the
 * contract of the OpenTok.js E2EE sample, for the default room, and
 * {@code POST /api/rooms/{room}/tickets} for any room and name. Both go through the same
 * {@link JoinService} as the page: same room sessions, tokens, rules and limits. The encryption
 * key is never asked for nor accepted; the API secret or private key is never part of an answer.
 */
@RestController
class TicketApi {

    static final String SAMPLE_SESSION_PATH = "/session";
    static final String TICKETS_PATH = "/api/rooms/{room}/tickets";
    static final String DESCRIPTION_PATH = "/api/openapi.yaml";

    /** The display name of a {@code /session} client: the sample's clients send none. */
    static final String GUEST_NAME = "Guest";

    private static final MediaType YAML = MediaType.parseMediaType("application/yaml");

    private final JoinService joins;
    private final String defaultRoom;

    TicketApi(JoinService joins, CallProperties call) {
        this.joins = joins;
        this.defaultRoom = call.defaultRoom();
    }

    /** The sample's answer: exactly these three fields. */
    record SampleSession(String apiKey, String sessionId, String token) {}

    /** A ticket for one participant; {@code apiKey} or {@code applicationId}, whichever the server's credentials are. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Ticket(
            @Nullable String apiKey,
            @Nullable String applicationId,
            String sessionId,
            String token,
            String room,
            String name,
            String expiresAt) {}

    @GetMapping(path = SAMPLE_SESSION_PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<SampleSession> session(HttpServletRequest request) {
        CallTicket.OpenTok ticket = joins.joinForSdkClient(defaultRoom, GUEST_NAME, requester(request));
        return fresh(new SampleSession(ticket.apiKey(), ticket.sessionId(), ticket.token()));
    }

    @PostMapping(path = TICKETS_PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Ticket> ticket(
            @PathVariable String room,
            @RequestBody(required = false) @Nullable JsonNode body,
            HttpServletRequest request) {
        CallTicket.OpenTok ticket = joins.joinForSdkClient(room, nameIn(body), requester(request));
        boolean application = joins.backendKind() == VideoBackend.Kind.VONAGE_APPLICATION;
        return fresh(new Ticket(
                application ? null : ticket.apiKey(),
                application ? ticket.apiKey() : null,
                ticket.sessionId(),
                ticket.token(),
                ticket.room(),
                ticket.name(),
                ticket.expiresAt().toString()));
    }

    @GetMapping(DESCRIPTION_PATH)
    ResponseEntity<Resource> description() {
        return ResponseEntity.ok().contentType(YAML).body(new ClassPathResource("api/openapi.yaml"));
    }

    /** An API client has no HTTP session (none is made for it): its address alone is limited. */
    private static Requester requester(HttpServletRequest request) {
        String address = request.getRemoteAddr();
        return Requester.withoutSession(address == null ? "unknown" : address);
    }

    /** A token admits its holder: no cache on the way may keep it. */
    private static <T> ResponseEntity<T> fresh(T answer) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(answer);
    }

    /** The body's name; the body holds nothing else, an encryption key least of all. */
    private static String nameIn(@Nullable JsonNode body) {
        if (body == null || body.isNull()) {
            return "";
        }
        if (!body.isObject() || body.propertyNames().stream().anyMatch(property -> !property.equals("name"))) {
            throw new ApiRequestException("The request body takes only a name, such as {\"name\": \"Ada\"}. "
                    + "Never send an encryption key: it stays in the client.");
        }
        JsonNode name = body.path("name");
        if (name.isMissingNode() || name.isNull()) {
            return "";
        }
        if (!name.isString()) {
            throw new ApiRequestException("The name must be a string, such as {\"name\": \"Ada\"}.");
        }
        return name.asString();
    }
}
