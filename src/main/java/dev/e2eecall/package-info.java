/**
 * End-to-end-encrypted video calls: a Vaadin view over a browser-side call element, and the server
 * side that creates one E2EE video session per room and issues tokens for it.
 */
@NullMarked
package dev.e2eecall;

import org.jspecify.annotations.NullMarked;
