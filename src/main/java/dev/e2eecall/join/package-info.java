/** Joining a call: rooms, display names, and the backend that hands out tickets. */
@ApplicationModule(allowedDependencies = {"call", "cluster"})
@NullMarked
package dev.e2eecall.join;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
