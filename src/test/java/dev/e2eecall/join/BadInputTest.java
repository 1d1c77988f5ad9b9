package dev.e2eecall.join;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.e2eecall.call.CallTicket;
import dev.e2eecall.join.limits.JoinRateLimit;
import dev.e2eecall.opentok.OpenTokProperties;
import dev.e2eecall.opentok.OpenTokStandIn;
import dev.e2eecall.opentok.OpenTokWiring;
import java.time.Clock;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Everything a user can type for a room and a name, table by table: refused input gets a clear
 * message and never reaches the video service's REST API; accepted input arrives as typed text.
 */
class BadInputTest {

    private static final int API_KEY = 909090;
    private static final OpenTokStandIn standIn = new OpenTokStandIn(API_KEY);
    private static final VideoBackend backend = OpenTokWiring.backend(
            new OpenTokProperties(
                    Integer.toString(API_KEY), "made-up-secret-for-bad-input-0123456789ab", standIn.url()),
            new VideoServiceProperties(Duration.ofHours(1), Duration.ofSeconds(2)),
            new InProcessRoomDirectory(Duration.ofHours(24), 10_000));
    private static final JoinService joins =
            new JoinService(backend, JoinRateLimit.inProcess(1000, 1000, Clock.systemUTC()));
    private static final Requester requester = new Requester("session", "127.0.0.1");

    @AfterAll
    static void stop() {
        backend.close();
        standIn.close();
    }

    @BeforeEach
    void forgetRequests() {
        standIn.reset();
    }

    static Stream<Arguments> refusedNames() {
        return Stream.of(
                Arguments.of("empty", "", "Please enter your name."),
                Arguments.of("whitespace only", " \t  ", "Please enter your name."),
                Arguments.of("51 characters", "a".repeat(51), "A name has at most 50 characters."),
                Arguments.of("10,000 characters", "b".repeat(10_000), "A name has at most 50 characters."),
                Arguments.of("NUL", "Ada\u0000", "A name cannot contain control characters."),
                Arguments.of("newline inside", "Ada\nLovelace", "A name cannot contain control characters."),
                Arguments.of("escape sequence", "\u001b[31mAda", "A name cannot contain control characters."),
                Arguments.of("DEL", "Ada\u007f", "A name cannot contain control characters."),
                Arguments.of("C1 control", "Ada\u0085x", "A name cannot contain control characters."),
                Arguments.of("right-to-left override", "Ada\u202Egnp.exe", "A name cannot contain control characters."),
                Arguments.of("bidi isolate", "\u2066Ada\u2069", "A name cannot contain control characters."),
                Arguments.of("51 emoji", "🙂".repeat(51), "A name has at most 50 characters."));
    }

    @ParameterizedTest(name = "name {0}: refused")
    @MethodSource("refusedNames")
    void refusedName_getsAClearMessage_andNeverReachesTheRestApi(String label, String name, String message) {
        assertThatThrownBy(() -> joins.join("lobby", name, requester))
                .isInstanceOf(JoinException.class)
                .hasMessage(message)
                .extracting(e -> ((JoinException) e).reason())
                .isEqualTo(JoinException.Reason.INVALID_NAME);
        assertThat(standIn.createRequests()).isEmpty();
    }

    static Stream<Arguments> acceptedNames() {
        return Stream.of(
                Arguments.of("HTML", "<b>Ada</b>", "<b>Ada</b>"),
                Arguments.of("script", "<script>alert(1)</script>", "<script>alert(1)</script>"),
                Arguments.of("image with handler", "<img src=x onerror=alert(1)>", "<img src=x onerror=alert(1)>"),
                Arguments.of("quotes and ampersand", "Ada \"A\" & 'L'", "Ada \"A\" & 'L'"),
                Arguments.of("emoji with skin tone", "Ada 👩🏽‍💻", "Ada 👩🏽‍💻"),
                Arguments.of("combining marks", "Zoe\u0301 Åsa", "Zoe\u0301 Åsa"),
                Arguments.of("non-Latin", "Светлана 李娜", "Светлана 李娜"),
                Arguments.of("50 characters", "c".repeat(50), "c".repeat(50)),
                Arguments.of("50 emoji", "🙂".repeat(50), "🙂".repeat(50)),
                Arguments.of("surrounding spaces", "  Ada  ", "Ada"));
    }

    @ParameterizedTest(name = "name {0}: accepted as text")
    @MethodSource("acceptedNames")
    void acceptedName_travelsAsTypedText(String label, String name, String expected) {
        CallTicket ticket = joins.join("lobby", name, requester);

        assertThat(ticket.name()).isEqualTo(expected);
    }

    static Stream<Arguments> refusedRooms() {
        return Stream.of(
                Arguments.of("path traversal", "../admin"),
                Arguments.of("encoded slash", "a%2Fb"),
                Arguments.of("slash", "a/b"),
                Arguments.of("65 characters", "r".repeat(65)),
                Arguments.of("unicode", "räum"),
                Arguments.of("spaces inside", "my room"),
                Arguments.of("empty", ""),
                Arguments.of("dots", ".."),
                Arguments.of("markup", "<script>"));
    }

    @ParameterizedTest(name = "room {0}: refused")
    @MethodSource("refusedRooms")
    void refusedRoom_getsAClearMessage_andNeverReachesTheRestApi(String label, String room) {
        assertThatThrownBy(() -> joins.join(room, "Ada", requester))
                .isInstanceOf(JoinException.class)
                .hasMessage("A room name has 1 to 64 characters: letters a-z, digits and dashes.")
                .extracting(e -> ((JoinException) e).reason())
                .isEqualTo(JoinException.Reason.INVALID_ROOM);
        assertThat(standIn.createRequests()).isEmpty();
    }

    static Stream<Arguments> normalizedRooms() {
        return Stream.of(
                Arguments.of("upper case", "Team-A", "team-a"),
                Arguments.of("surrounding spaces", "  lab ", "lab"),
                Arguments.of("64 characters", "z".repeat(64), "z".repeat(64)));
    }

    @ParameterizedTest(name = "room {0}: normalized")
    @MethodSource("normalizedRooms")
    void acceptedRoom_isNormalized(String label, String room, String expected) {
        assertThat(joins.join(room, "Ada", requester).room()).isEqualTo(expected);
    }
}
