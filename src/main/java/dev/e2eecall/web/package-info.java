/** What every HTTP answer of this app carries (security headers), and the web origins settings name. */
@ApplicationModule(allowedDependencies = {})
@NullMarked
package dev.e2eecall.web;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
