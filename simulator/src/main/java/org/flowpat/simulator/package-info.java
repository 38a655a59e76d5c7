/** FlowPAT simulator module. */
package org.flowpat.simulator;
