/**
 * CQA monitoring: each CQA's I-MR (with Nelson or Western Electric run rules), EWMA and CUSUM charts from
 * {@code org.flowpat.pat.spc}, phase I limits given or estimated after steady state, phase II on every sample;
 * {@link org.flowpat.controller.quality.QualityVerticle} runs the monitor and the alarms on the event bus.
 */
package org.flowpat.controller.quality;
