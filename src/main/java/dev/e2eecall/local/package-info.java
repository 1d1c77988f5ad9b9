/**
 * The embedded default: peer-to-peer calls between browsers with no video service account. This
 * server keeps a registry of who is in which room and relays their signalling (session
 * descriptions and network candidates, never keys) over Vaadin Push.
 */
@ApplicationModule(allowedDependencies = {"call", "cluster", "join"})
@NullMarked
package dev.e2eecall.local;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
