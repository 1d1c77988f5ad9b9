/**
 * Where the Vonage Video API is called with application credentials (application id and private
 * key): sessions per room and publisher tokens, through {@code com.vonage:server-sdk}.
 */
@ApplicationModule(allowedDependencies = {"call", "join"})
@NullMarked
package dev.e2eecall.vonage;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
