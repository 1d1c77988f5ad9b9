/**
 * The call component: a Java API over the {@code <e2ee-video-call>} element and the encryption key
 * field whose value stays in the browser. Free of this app's views and configuration.
 */
@ApplicationModule(allowedDependencies = {})
@NullMarked
package dev.e2eecall.call;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
