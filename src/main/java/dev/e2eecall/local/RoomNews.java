package dev.e2eecall.local;

import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** What the others in a room are told when someone enters or leaves: their id and name, nothing else. */
final class RoomNews {

    private static final JsonNodeFactory json = JsonNodeFactory.instance;

    private RoomNews() {}

    static ObjectNode joined(Occupant occupant) {
        return about("peer-joined", occupant);
    }

    static ObjectNode left(Occupant occupant) {
        return about("peer-left", occupant);
    }

    private static ObjectNode about(String type, Occupant occupant) {
        ObjectNode news = json.objectNode().put("type", type);
        news.set("peer", json.objectNode().put("id", occupant.id()).put("name", occupant.name()));
        return news;
    }
}
