/**
 * The PackML line state machine, interlocks that hold, stop or abort the line, and the verticle that serves line
 * commands and publishes every attributed state change.
 */
package org.flowpat.controller.linestate;
