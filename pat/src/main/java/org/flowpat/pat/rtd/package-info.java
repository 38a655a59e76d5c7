/**
 * Residence-time distributions of a flow line: tanks in series, axial dispersion (open-open
 * boundaries), units in series, prediction of the outlet signal by convolution, and the
 * diversion window that sends disturbed material to waste. Times are in the unit of
 * volume/flow (e.g. mL and mL/min give minutes).
 */
package org.flowpat.pat.rtd;
