/**
 * Join's limits, inside the join module: how many joins a browser session and a network address
 * may make per minute, in this instance's memory or shared by a cluster. Public for join's own
 * wiring only; other modules go through {@code JoinService}, and the module rules check that.
 */
@NullMarked
package dev.e2eecall.join.limits;

import org.jspecify.annotations.NullMarked;
