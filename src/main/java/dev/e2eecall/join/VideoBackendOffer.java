package dev.e2eecall.join;

import java.util.function.Supplier;

/**
 * A backend that a module offers to carry the calls, as a bean of that module's configuration:
 * which kind it is, whether its settings (credentials) are given, and how to build it. Only the
 * one chosen at start-up is built, so the others open no HTTP client and start no thread.
 *
 * @param kind       what would carry the calls
 * @param configured whether the settings this backend needs are present
 * @param backend    builds the backend, once, when it is chosen; it logs what it connects to
 */
public record VideoBackendOffer(VideoBackend.Kind kind, boolean configured, Supplier<VideoBackend> backend) {}
