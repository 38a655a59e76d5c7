/**
 * Multivariate monitoring: Hotelling T² for individuals and subgroups (phase I and II limits),
 * PCA monitoring with T² and SPE/Q (Jackson-Mudholkar limit), and per-variable contributions.
 * Fitted models evaluate new samples without allocation.
 */
package org.flowpat.pat.multivariate;
