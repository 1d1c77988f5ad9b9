/** Joining a call: rooms, display names, and the backend that hands out tickets. */
@NullMarked
package dev.e2eecall.join;

import org.jspecify.annotations.NullMarked;
