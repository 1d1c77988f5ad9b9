package dev.e2eecall.join;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Settings of the call rooms. */
@ConfigurationProperties("call")
public record CallProperties(@DefaultValue("lobby") String defaultRoom) {

    public CallProperties {
        defaultRoom = RoomName.parse(defaultRoom).value();
    }
}
