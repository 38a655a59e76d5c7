/**
 * Chemometrics: PLS regression (NIPALS, one or more responses) from spectra to concentrations,
 * with mean-centring and optional SNV, cross-validated choice of latent variables, and prediction
 * with an outlier check (Hotelling T² in score space, Q residual) against calibration limits.
 */
package org.flowpat.pat.chemometrics;
