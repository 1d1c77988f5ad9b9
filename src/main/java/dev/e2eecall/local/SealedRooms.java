package dev.e2eecall.local;

import com.hazelcast.map.IMap;
import dev.e2eecall.cluster.Sealer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A local room as the cluster holds it: under the HMAC of its name, the name and the room's state as
 * JSON, sealed. Nothing a reader of the map can see names a room or a person.
 */
final class SealedRooms {

    private static final JsonMapper json = JsonMapper.builder().build();

    /** A room opened from the map: its name and who is in it. */
    record Opened(String room, RoomState state) {}

    private final Sealer sealer;

    SealedRooms(Sealer sealer) {
        this.sealer = sealer;
    }

    String key(String room) {
        return sealer.name(room);
    }

    /** The value under {@code key} as stored, or null; one that may not be read is removed. */
    @Nullable
    Object read(IMap<String, Object> rooms, String key) {
        return sealer.read(rooms, key);
    }

    byte[] seal(String key, String room, RoomState state) {
        ObjectNode node = json.createObjectNode().put("room", room).put("salt", state.salt());
        var occupants = node.putArray("occupants");
        state.occupants()
                .forEach(occupant -> occupants
                        .addObject()
                        .put("id", occupant.id())
                        .put("name", occupant.name())
                        .put("address", occupant.address())
                        .put("instance", occupant.instance()));
        return sealer.sealText(key, node.toString());
    }

    /** The room under {@code key}, or empty when the value is not one this app sealed there (counted). */
    Optional<Opened> open(String key, @Nullable Object stored) {
        if (stored == null) {
            return Optional.empty();
        }
        return sealer.openText(key, stored)
                .flatMap(SealedRooms::parse)
                // the name inside must be the one the key was made from
                .filter(opened -> key.equals(sealer.name(opened.room())));
    }

    private static Optional<Opened> parse(String text) {
        try {
            JsonNode node = json.readTree(text);
            List<Occupant> occupants = new ArrayList<>();
            for (JsonNode occupant : node.path("occupants")) {
                occupants.add(new Occupant(
                        occupant.path("id").asString(),
                        occupant.path("name").asString(),
                        occupant.path("address").asString(),
                        occupant.path("instance").asString()));
            }
            JsonNode salt = node.path("salt");
            return Optional.of(new Opened(
                    node.path("room").asString(), new RoomState(occupants, salt.isString() ? salt.asString() : null)));
        } catch (JacksonException e) {
            // sealed by this app, so never expected; still never fatal
            return Optional.empty();
        }
    }
}
