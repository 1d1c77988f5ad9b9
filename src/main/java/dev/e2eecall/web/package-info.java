/** What every HTTP answer of this app carries: security headers. */
@NullMarked
package dev.e2eecall.web;

import org.jspecify.annotations.NullMarked;
