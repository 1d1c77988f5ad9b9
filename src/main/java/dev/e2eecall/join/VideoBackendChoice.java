package dev.e2eecall.join;

import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Picks what carries the calls, once, at start-up, from the backends the modules offer and the
 * credentials present: the Vonage Video API with an OpenTok project's API key and secret or with a
 * Vonage application's id and private key, or local calls with neither. That only one pair may be
 * set is checked here: it is a rule across two modules' settings.
 */
@Configuration(proxyBeanMethods = false)
class VideoBackendChoice {

    /** A backend's close() is called by Spring at shutdown: it stops the SDK's HTTP client or the local watch. */
    @Bean
    VideoBackend videoBackend(VideoProperties video, List<VideoBackendOffer> offers) {
        List<VideoBackendOffer> services = offers.stream()
                .filter(offer -> offer.kind() != VideoBackend.Kind.LOCAL && offer.configured())
                .toList();
        if (services.size() > 1) {
            throw new IllegalStateException("Both API_KEY/API_SECRET and VONAGE_APPLICATION_ID/VONAGE_PRIVATE_KEY are "
                    + "set: remove one pair (new Vonage accounts use the application id and private key)");
        }
        if (video.backend() == VideoProperties.Backend.OPENTOK && services.isEmpty()) {
            throw new IllegalStateException(
                    "VIDEO_BACKEND=opentok needs API_KEY and API_SECRET, or VONAGE_APPLICATION_ID and VONAGE_PRIVATE_KEY");
        }
        VideoBackendOffer chosen = video.backend() != VideoProperties.Backend.LOCAL && !services.isEmpty()
                ? services.getFirst()
                : offers.stream()
                        .filter(offer -> offer.kind() == VideoBackend.Kind.LOCAL)
                        .findFirst()
                        .orElseThrow(() -> new IllegalStateException("no module offers local calls"));
        return chosen.backend().get();
    }
}
