package dev.e2eecall.join;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which backend carries the calls ({@code VIDEO_BACKEND}): {@code auto} takes the Vonage Video API
 * when its credentials are set and local peer-to-peer calls otherwise.
 */
@ConfigurationProperties("video")
record VideoProperties(@DefaultValue("auto") Backend backend) {

    enum Backend {
        AUTO,
        OPENTOK,
        LOCAL
    }
}
