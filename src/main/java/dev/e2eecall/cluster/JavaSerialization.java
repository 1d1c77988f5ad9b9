package dev.e2eecall.cluster;

import com.hazelcast.config.ClassFilter;
import com.hazelcast.config.JavaSerializationFilterConfig;

/**
 * Which classes a member may read through Java serialization. The app puts only {@code byte[]} and
 * {@code String} into the cluster (Hazelcast writes those without Java serialization), so the list
 * holds only what an exception between members carries: {@code java.lang} (not its subpackages),
 * Hazelcast's own classes, and the few {@code java.util} lists a {@link Throwable} is written with.
 * A {@code HashMap}, a gadget class or anything else from the wire is refused before it is built.
 */
final class JavaSerialization {

    private JavaSerialization() {}

    static JavaSerializationFilterConfig filter() {
        return new JavaSerializationFilterConfig()
                // Hazelcast's defaults allow all of java.*: HashMap, PriorityQueue and the other gadget starters
                .setDefaultsDisabled(true)
                .setWhitelist(new ClassFilter()
                        .addPackages("java.lang")
                        .addPrefixes("com.hazelcast.")
                        .addClasses(
                                "[Ljava.lang.StackTraceElement;",
                                "[Ljava.lang.Throwable;",
                                "java.util.ArrayList",
                                "java.util.Collections$UnmodifiableList",
                                "java.util.Collections$UnmodifiableRandomAccessList",
                                "java.util.Collections$UnmodifiableCollection",
                                "java.util.Collections$EmptyList"));
    }
}
