/** Fault scenario files: the records they bind to and where they are found. */
package org.flowpat.config.scenario;
