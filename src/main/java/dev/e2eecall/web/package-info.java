/** What every HTTP answer of this app carries (security headers), and the web origins settings name. */
@NullMarked
package dev.e2eecall.web;

import org.jspecify.annotations.NullMarked;
