/**
 * The JSON API for clients other than this app's page (the Vonage Video SDKs' samples, native
 * apps, other web pages): tickets for the same rooms, through the same join service.
 */
@ApplicationModule(allowedDependencies = {"call", "join", "web"})
@NullMarked
package dev.e2eecall.api;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
