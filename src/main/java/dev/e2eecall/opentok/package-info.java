/** Where the OpenTok (Vonage Video) REST API is called: sessions per room and publisher tokens. */
@NullMarked
package dev.e2eecall.opentok;

import org.jspecify.annotations.NullMarked;
