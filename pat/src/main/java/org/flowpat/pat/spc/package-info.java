/**
 * Univariate statistical process control.
 *
 * <p>Streaming charts for the controller's hot path, each O(1) and allocation-free per sample:
 * {@link org.flowpat.pat.spc.IndividualsChart} (I-MR), {@link org.flowpat.pat.spc.SubgroupChart}
 * (X-bar/R, X-bar/S, varying sizes), {@link org.flowpat.pat.spc.EwmaChart} and
 * {@link org.flowpat.pat.spc.CusumChart}. Feed {@code double}s to {@code update}, which returns
 * the signal bits of {@link org.flowpat.pat.spc.Signals}; read the plotted value and limits from
 * the getters. Run rules ({@link org.flowpat.pat.spc.RunRules}: Nelson 1-8, Western Electric 1-4)
 * are selected per chart by bit mask.
 *
 * <p>Phase I ({@link org.flowpat.pat.spc.PhaseOne}) estimates the center and within sigma to
 * freeze, optionally excluding out-of-control points. Chart constants
 * ({@link org.flowpat.pat.spc.ChartConstants}) are computed, not tabled.
 */
package org.flowpat.pat.spc;
