/**
 * What protects the state instances share in a cluster: every value sealed (AES-GCM) and every
 * name that could identify a room or a person replaced by an HMAC, with keys derived from
 * {@code CLUSTER_SECRET}, and a member that deserializes no arbitrary Java class. Hazelcast's
 * community edition has no member authentication or encryption: this is what stands in for them.
 */
@ApplicationModule
@NullMarked
package dev.e2eecall.cluster;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
