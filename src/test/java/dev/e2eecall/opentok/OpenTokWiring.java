package dev.e2eecall.opentok;

import dev.e2eecall.join.RoomDirectory;
import dev.e2eecall.join.VideoBackend;
import dev.e2eecall.join.VideoServiceProperties;

/** The OpenTok backend as its configuration builds it, for tests and benchmarks outside this package. */
public final class OpenTokWiring {

    private OpenTokWiring() {}

    /** A backend on the project's credentials (the stand-in's, in tests); close it when done. */
    public static VideoBackend backend(
            OpenTokProperties properties, VideoServiceProperties service, RoomDirectory rooms) {
        return new OpenTokBackend(properties, service, rooms);
    }
}
