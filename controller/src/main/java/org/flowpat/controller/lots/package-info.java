/**
 * Lots and real-time release (ICH Q13, ICH Q8, 21 CFR Part 11): {@link org.flowpat.controller.lots.LotTracker} cuts a
 * line's production into lots on the data's clock and builds each {@link org.flowpat.controller.api.LotRecord};
 * {@link org.flowpat.controller.lots.ReleaseEvaluator} applies the plant file's release rules;
 * {@link org.flowpat.controller.lots.LotHashes} and {@link org.flowpat.controller.lots.LotSignatures} bind electronic
 * signatures to the record's exact content; {@link org.flowpat.controller.lots.LotVerticle} runs a tracker per line
 * and {@link org.flowpat.controller.lots.LotService} answers the HMI's lot queries, signatures and quality figures.
 */
package org.flowpat.controller.lots;
