/** The call page: the join form and the call, defined in Java. */
@ApplicationModule(allowedDependencies = {"call", "embed", "join", "web"})
@NullMarked
package dev.e2eecall.ui;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
