package org.flowpat.controller.lots;

import io.vertx.core.Future;

/**
 * Writes the lot being produced to the analyzer's context (ADI {@code Stream.Context.LotID}), so that spectra stored
 * by the analyzer carry it. Acquisition's {@code SignalWriter} writes numbers only; a String writer over the OPC UA
 * client is not there yet, so the controller deploys lots without one.
 */
@FunctionalInterface
public interface LotContextWriter {
    Future<Void> writeLotId(String lotId);
}
