package dev.e2eecall.opentok;

import dev.e2eecall.call.CallTicket;
import dev.e2eecall.join.DisplayName;
import dev.e2eecall.join.JoinException;
import dev.e2eecall.join.RoomName;
import dev.e2eecall.join.VideoBackend;

/** Stands in while no video service is configured: the page explains how to configure one. */
final class UnconfiguredBackend implements VideoBackend, AutoCloseable {

    @Override
    public CallTicket join(RoomName room, DisplayName name) {
        throw new JoinException("No video service is configured on this server. "
                + "Set API_KEY and API_SECRET in .env to use the Vonage Video API.", false);
    }

    @Override
    public String description() {
        return "No video service is configured. Set API_KEY and API_SECRET in .env to use the Vonage Video API.";
    }

    @Override
    public void close() {
    }
}
