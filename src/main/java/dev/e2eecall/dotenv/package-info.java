/**
 * The {@code .env} file in the working directory: read with the rules dotenv files are written for,
 * and placed in the Spring environment after the real environment variables, which override it.
 */
@ApplicationModule(allowedDependencies = {})
@NullMarked
package dev.e2eecall.dotenv;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
