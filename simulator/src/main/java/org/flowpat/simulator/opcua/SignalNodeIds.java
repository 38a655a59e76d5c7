package org.flowpat.simulator.opcua;

import org.eclipse.milo.opcua.stack.core.types.builtin.ExpandedNodeId;
import org.eclipse.milo.opcua.stack.core.types.enumerated.IdType;
import org.flowpat.config.model.Signal;

/**
 * Turns a plant file's {@code nodeId} into the string identifier the simulator serves. The plant file names
 * the nodes of its own line ({@code nsu=urn:flowpat:simulator;s=L1.P1.flow}); a replica {@code L7} of that line
 * serves the same signal as {@code L7.P1.flow}.
 */
public final class SignalNodeIds {
    private SignalNodeIds() {
    }

    /**
     * The string identifier of {@code signal} on line {@code lineId}, a replica (or the original) of the plant
     * line {@code templateLineId}.
     *
     * @throws IllegalArgumentException naming the signal when its nodeId is not a string id in the simulator's
     *                                  namespace
     */
    public static String identifier(Signal signal, String templateLineId, String lineId) {
        String where = "signal " + templateLineId + "/" + signal.id() + " nodeId '" + signal.nodeId() + "'";
        ExpandedNodeId parsed;
        try {
            parsed = ExpandedNodeId.parse(signal.nodeId());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(where + ": not an OPC UA node id (" + e.getMessage() + ")", e);
        }
        if (!SimulatorNamespace.NAMESPACE_URI.equals(parsed.getNamespaceUri())) {
            throw new IllegalArgumentException(where + ": must use the namespace URI form nsu="
                    + SimulatorNamespace.NAMESPACE_URI + ";s=...");
        }
        if (parsed.getType() != IdType.String) {
            throw new IllegalArgumentException(where + ": must be a string identifier (s=...)");
        }
        String id = (String) parsed.getIdentifier();
        if (templateLineId.equals(lineId)) {
            return id;
        }
        String prefix = templateLineId + ".";
        return id.startsWith(prefix) ? lineId + "." + id.substring(prefix.length()) : lineId + "." + id;
    }
}
