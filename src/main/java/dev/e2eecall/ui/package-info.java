/** The call page: the join form and the call, defined in Java. */
@NullMarked
package dev.e2eecall.ui;

import org.jspecify.annotations.NullMarked;
