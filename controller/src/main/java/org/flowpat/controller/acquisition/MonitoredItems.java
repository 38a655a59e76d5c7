package org.flowpat.controller.acquisition;

import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;

import java.util.Optional;
import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaMonitoredItem;
import org.eclipse.milo.opcua.stack.core.NamespaceTable;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.types.builtin.ExpandedNodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.enumerated.DataChangeTrigger;
import org.eclipse.milo.opcua.stack.core.types.enumerated.DeadbandType;
import org.eclipse.milo.opcua.stack.core.types.structured.DataChangeFilter;

/** Builds the Milo monitored item of one signal: its node, sampling interval, queue and data-change filter. */
final class MonitoredItems {
    /** A signal whose node id cannot be used, with the OPC UA status that says why. */
    interface Refusal {
        void refuse(OpcUaItem item, long statusCode, String message);
    }

    private MonitoredItems() {
    }

    /**
     * The node id of the plant file (namespace-URI form) resolved against the server's namespace table; empty, after
     * telling {@code refusal}, when it does not parse or the server lacks the namespace.
     */
    static Optional<NodeId> resolve(OpcUaItem item, NamespaceTable namespaces, Refusal refusal) {
        ExpandedNodeId expanded;
        try {
            expanded = ExpandedNodeId.parse(item.nodeId());
        } catch (RuntimeException e) {
            refusal.refuse(item, StatusCodes.Bad_NodeIdInvalid, "node id '" + item.nodeId() + "' cannot be parsed");
            return Optional.empty();
        }
        Optional<NodeId> nodeId = expanded.toNodeId(namespaces);
        if (nodeId.isEmpty()) {
            refusal.refuse(item, StatusCodes.Bad_NodeIdUnknown, "node id '" + item.nodeId()
                    + "': the server has no namespace '" + expanded.getNamespaceUri() + "'");
        }
        return nodeId;
    }

    /** The monitored item, carrying {@code item} as its user object. */
    static OpcUaMonitoredItem create(OpcUaItem item, NodeId nodeId, double publishingIntervalMs) {
        OpcUaMonitoredItem m = OpcUaMonitoredItem.newDataItem(nodeId);
        m.setSamplingInterval(item.samplingIntervalMs());
        m.setQueueSize(uint(item.queueSize(publishingIntervalMs)));
        m.setDiscardOldest(true);
        m.setFilter(filter(item));
        m.setUserObject(item);
        return m;
    }

    /**
     * Without a deadband every source update is reported, also an unchanged value (a stuck sensor must look stuck,
     * not silent); with one, value or status changes beyond the deadband.
     */
    static DataChangeFilter filter(OpcUaItem item) {
        if (item.deadband() > 0 && !item.spectrum()) {
            return new DataChangeFilter(DataChangeTrigger.StatusValue, uint(DeadbandType.Absolute.getValue()),
                    item.deadband());
        }
        return new DataChangeFilter(DataChangeTrigger.StatusValueTimestamp, uint(DeadbandType.None.getValue()), 0.0);
    }

    /** A value in the Java type the node last reported (a Boolean node refuses a Double); Double when unknown. */
    static Object typed(Class<?> type, double value) {
        if (type == Boolean.class) {
            return value != 0.0;
        }
        if (type == Float.class) {
            return (float) value;
        }
        if (type == Integer.class) {
            return (int) Math.round(value);
        }
        if (type == Short.class) {
            return (short) Math.round(value);
        }
        if (type == Long.class) {
            return Math.round(value);
        }
        return value;
    }
}
