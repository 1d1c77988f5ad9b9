package dev.e2eecall.local;

/**
 * One participant of a local room as the registry keeps it: what the others see (id, name), the
 * address it joined from (for the per-address cap), and the instance whose page runs it. Never a key.
 */
record Occupant(String id, String name, String address, String instance) {}
