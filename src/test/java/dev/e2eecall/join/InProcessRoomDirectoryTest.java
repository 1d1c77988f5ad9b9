package dev.e2eecall.join;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The room directory of a single instance: rooms remembered while joined, forgotten when idle, bounded. */
class InProcessRoomDirectoryTest {

    /** A clock for the cache that the test moves by hand. */
    private final AtomicLong nanos = new AtomicLong();

    private final Ticker ticker = nanos::get;

    @Test
    void roomJoinedAgain_keepsItsSession() {
        var directory = new InProcessRoomDirectory(Duration.ofHours(24), 100, ticker);
        AtomicInteger creations = new AtomicInteger();

        directory.sessionFor(RoomName.parse("team"), room -> "session-" + creations.incrementAndGet());
        nanos.addAndGet(Duration.ofHours(23).toNanos());
        String again = directory.sessionFor(RoomName.parse("team"), room -> "session-" + creations.incrementAndGet());

        assertThat(again).isEqualTo("session-1");
    }

    @Test
    void roomNotJoinedForTheIdleTime_isForgotten() {
        var directory = new InProcessRoomDirectory(Duration.ofHours(24), 100, ticker);
        directory.sessionFor(RoomName.parse("team"), room -> "old");

        nanos.addAndGet(Duration.ofHours(24).plusSeconds(1).toNanos());

        assertThat(directory.sessionFor(RoomName.parse("team"), room -> "new")).isEqualTo("new");
    }

    @Test
    void failedCreation_isNotRemembered() {
        var directory = new InProcessRoomDirectory(Duration.ofHours(24), 100, ticker);

        assertThatThrownBy(() -> directory.sessionFor(RoomName.parse("team"), room -> {
                    throw new JoinException(JoinException.Reason.SERVICE_UNAVAILABLE, "unavailable");
                }))
                .hasMessage("unavailable");

        assertThat(directory.sessionFor(RoomName.parse("team"), room -> "second-try"))
                .isEqualTo("second-try");
    }

    @Test
    void strangersTypingRoomNames_cannotGrowTheDirectoryWithoutEnd() {
        var directory = new InProcessRoomDirectory(Duration.ofHours(24), 1_000, ticker);

        for (int i = 0; i < 20_000; i++) {
            directory.sessionFor(RoomName.parse("stranger-" + i), room -> "session-" + room);
        }

        assertThat(directory.rooms()).isLessThanOrEqualTo(1_000);
    }
}
