/**
 * The call page inside another site's page: {@code /embed.js}, the host script portals load, and
 * the page's side of its messages, which listens only to the origins of {@code EMBED_ORIGINS}.
 */
@ApplicationModule(allowedDependencies = {"call"})
@NullMarked
package dev.e2eecall.embed;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
