package dev.e2eecall.local;

import java.util.Optional;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The messages one instance may hand another for a page, checked against the signalling schema and
 * rebuilt from the fields they may carry, as {@link LocalSignalling} rebuilds a browser's: relayed
 * offers, answers and candidates, and news of who entered or left. Anything else (a {@code welcome},
 * a {@code refused}, a salt) is the receiving instance's own to say and never comes from the cluster.
 */
final class CrossInstanceMessages {

    private static final JsonNodeFactory json = JsonNodeFactory.instance;
    /** A participant id: 12 random bytes in hex, as {@link LocalSignalling} draws them. */
    private static final Pattern ID = Pattern.compile("[0-9a-f]{24}");

    private static final int MAX_NAME_CHARS = 200;
    private static final int MAX_CANDIDATE_CHARS = 4096;

    private CrossInstanceMessages() {}

    /** The message rebuilt, or empty when it is not one that may travel between instances. */
    static Optional<ObjectNode> rebuild(JsonNode message) {
        if (!message.isObject()) {
            return Optional.empty();
        }
        return switch (message.path("type").asString("")) {
            case "offer", "answer" -> description(message);
            case "candidate" -> candidate(message);
            case "peer-joined", "peer-left" -> news(message);
            default -> Optional.empty();
        };
    }

    private static Optional<ObjectNode> description(JsonNode message) {
        JsonNode from = message.path("from");
        JsonNode sdp = message.path("sdp");
        if (!isId(from)
                || !sdp.isString()
                || sdp.asString().isBlank()
                || sdp.asString().length() > LocalSignalling.MAX_MESSAGE_CHARS) {
            return Optional.empty();
        }
        return Optional.of(json.objectNode()
                .put("type", message.path("type").asString())
                .put("from", from.asString())
                .put("sdp", sdp.asString()));
    }

    private static Optional<ObjectNode> candidate(JsonNode message) {
        JsonNode from = message.path("from");
        JsonNode candidate = message.path("candidate");
        JsonNode line = candidate.path("candidate");
        JsonNode mid = candidate.path("sdpMid");
        JsonNode index = candidate.path("sdpMLineIndex");
        boolean wellFormed = isId(from)
                && line.isString()
                && line.asString().length() <= MAX_CANDIDATE_CHARS
                && (mid.isNull() || (mid.isString() && mid.asString().length() <= 64))
                && (index.isNull() || (index.isInt() && index.asInt() >= 0 && index.asInt() < 64));
        if (!wellFormed) {
            return Optional.empty();
        }
        ObjectNode rebuilt = json.objectNode().put("type", "candidate").put("from", from.asString());
        ObjectNode copy = rebuilt.putObject("candidate").put("candidate", line.asString());
        copy.set("sdpMid", mid.isString() ? json.stringNode(mid.asString()) : json.nullNode());
        copy.set("sdpMLineIndex", index.isInt() ? json.numberNode(index.asInt()) : json.nullNode());
        return Optional.of(rebuilt);
    }

    private static Optional<ObjectNode> news(JsonNode message) {
        JsonNode id = message.path("peer").path("id");
        JsonNode name = message.path("peer").path("name");
        if (!isId(id)
                || !name.isString()
                || name.asString().isBlank()
                || name.asString().length() > MAX_NAME_CHARS) {
            return Optional.empty();
        }
        ObjectNode rebuilt = json.objectNode().put("type", message.path("type").asString());
        rebuilt.set("peer", json.objectNode().put("id", id.asString()).put("name", name.asString()));
        return Optional.of(rebuilt);
    }

    private static boolean isId(JsonNode node) {
        return node.isString() && ID.matcher(node.asString()).matches();
    }
}
