/** Where the OpenTok (Vonage Video) REST API is called: sessions per room and publisher tokens. */
@ApplicationModule(allowedDependencies = {"call", "join"})
@NullMarked
package dev.e2eecall.opentok;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
