package dev.e2eecall.join;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.convert.DurationUnit;
import org.springframework.validation.annotation.Validated;

/**
 * What both backends on the Vonage Video API share, whichever credentials they use (API key and
 * secret, or application id and private key).
 *
 * @param tokenTtl       how long a participant's token stays valid ({@code OPENTOK_TOKEN_TTL}): 1 hour
 *                       by default, at most 30 days, the most the service allows; plain numbers are seconds
 * @param requestTimeout how long to wait for the REST API before asking the user to try again
 *                       ({@code OPENTOK_REQUEST_TIMEOUT}): 10 seconds by default, at most a day
 */
@ConfigurationProperties("video-service")
@Validated
public record VideoServiceProperties(
        @DefaultValue("1h")
        @DurationUnit(ChronoUnit.SECONDS)
        @DurationMin(seconds = 1, message = TOKEN_TTL_RANGE)
        @DurationMax(days = 30, message = TOKEN_TTL_RANGE)
        Duration tokenTtl,

        @DefaultValue("10s")
        @DurationMin(millis = 1, message = "OPENTOK_REQUEST_TIMEOUT must be more than 0")
        @DurationMax(days = 1, message = "OPENTOK_REQUEST_TIMEOUT must be at most 1 day")
        Duration requestTimeout) {

    static final String TOKEN_TTL_RANGE =
            "OPENTOK_TOKEN_TTL must be more than 0 and at most 30 days, for example 1h or 3600";

    /**
     * A credential as both backends read it: spaces around it and one pair of matching quotes
     * around it are not part of it (Docker's {@code --env-file} keeps quotes); blank means not set.
     */
    public static @Nullable String credential(@Nullable String value) {
        if (value == null) {
            return null;
        }
        String text = value.strip();
        if (text.length() >= 2
                && (text.charAt(0) == '"' || text.charAt(0) == '\'')
                && text.charAt(text.length() - 1) == text.charAt(0)) {
            text = text.substring(1, text.length() - 1).strip();
        }
        return text.isEmpty() ? null : text;
    }
}
