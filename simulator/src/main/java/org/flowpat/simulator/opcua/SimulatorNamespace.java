package org.flowpat.simulator.opcua;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.milo.opcua.sdk.server.AddressSpace;
import org.eclipse.milo.opcua.sdk.server.ManagedNamespaceWithLifecycle;
import org.eclipse.milo.opcua.sdk.server.OpcUaServer;
import org.eclipse.milo.opcua.sdk.server.items.DataItem;
import org.eclipse.milo.opcua.sdk.server.items.MonitoredItem;
import org.eclipse.milo.opcua.sdk.server.nodes.UaFolderNode;
import org.eclipse.milo.opcua.stack.core.AttributeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.enumerated.TimestampsToReturn;
import org.flowpat.simulator.model.LineSimulation;

/**
 * The simulator's address space, namespace {@value #NAMESPACE_URI}: {@code Objects/FlowPAT/<line>/...} (see
 * docs/simulator.md). Values are pushed by {@link #afterStep} into the nodes and straight into the monitored
 * items, so a subscriber sees every step's change.
 */
public final class SimulatorNamespace extends ManagedNamespaceWithLifecycle {
    public static final String NAMESPACE_URI = "urn:flowpat:simulator";
    public static final String ROOT = "FlowPAT";

    private final Map<String, LineNodes> lines = new LinkedHashMap<>();
    private final Map<NodeId, LiveVariable> live = new ConcurrentHashMap<>();
    private volatile LiveVariable.PublishObserver publishObserver;

    public SimulatorNamespace(OpcUaServer server, List<? extends LineSimulation> simulations) {
        super(server, NAMESPACE_URI);
        for (LineSimulation simulation : simulations) {
            if (lines.put(simulation.lineId(), new LineNodes(simulation)) != null) {
                throw new IllegalArgumentException("two simulated lines with id " + simulation.lineId());
            }
        }
        getLifecycleManager().addStartupTask(this::createNodes);
    }

    private void createNodes() {
        NodeBuilder nodes = new NodeBuilder(getNodeContext(), getNodeFactory(), getNamespaceIndex(), live,
                () -> publishObserver);
        UaFolderNode root = nodes.folder(null, ROOT, ROOT, "FlowPAT simulated flow lines");
        long now = System.currentTimeMillis();
        for (LineNodes line : lines.values()) {
            line.build(nodes, root);
            synchronized (line.simulation()) {
                line.publish(now);
            }
        }
    }

    /**
     * Publishes the line's state after a step; {@code sourceTimeMillis} is the step's simulated time on the
     * wall-clock axis. The caller holds the line's monitor (the engine's StepListener contract). Returns the
     * number of values that changed.
     */
    public int afterStep(LineSimulation line, long sourceTimeMillis) {
        LineNodes nodes = lines.get(line.lineId());
        if (nodes == null) {
            throw new IllegalArgumentException("line " + line.lineId() + " is not served by this namespace");
        }
        return nodes.publish(sourceTimeMillis);
    }

    /** Observes every pushed value (null to stop); for the scale benchmark. */
    public void setPublishObserver(LiveVariable.PublishObserver observer) {
        this.publishObserver = observer;
    }

    /** The string identifiers of every node whose value the simulator pushes. */
    public List<String> liveNodeIdentifiers() {
        return live.keySet().stream().map(id -> (String) id.getIdentifier()).sorted().toList();
    }

    /** Whether {@code nodeId} is one of the simulator's variables that no client may write. */
    boolean isReadOnly(NodeId nodeId) {
        LiveVariable variable = live.get(nodeId);
        return variable != null && !variable.writable();
    }

    /** Number of monitored items currently fed by pushed values (for diagnostics and the benchmark). */
    public int monitoredItemCount() {
        return live.values().stream().mapToInt(LiveVariable::itemCount).sum();
    }

    @Override
    public void onDataItemsCreated(List<DataItem> dataItems) {
        for (DataItem item : dataItems) {
            LiveVariable variable = liveValueOf(item);
            if (variable != null) {
                variable.addItem(item);
            } else {
                item.setValue(readOnce(item)); // other attributes do not change while the server runs
            }
        }
    }

    @Override
    public void onDataItemsModified(List<DataItem> dataItems) {
        // Values are pushed, not sampled: a new sampling interval changes nothing here.
    }

    @Override
    public void onDataItemsDeleted(List<DataItem> dataItems) {
        for (DataItem item : dataItems) {
            LiveVariable variable = liveValueOf(item);
            if (variable != null) {
                variable.removeItem(item);
            }
        }
    }

    @Override
    public void onMonitoringModeChanged(List<MonitoredItem> monitoredItems) {
        for (MonitoredItem item : monitoredItems) {
            if (item instanceof DataItem dataItem && dataItem.isSamplingEnabled()) {
                LiveVariable variable = liveValueOf(dataItem);
                dataItem.setValue(variable != null ? variable.current() : readOnce(dataItem));
            }
        }
    }

    private LiveVariable liveValueOf(DataItem item) {
        return item.getReadValueId().getAttributeId().intValue() == AttributeId.Value.id()
                ? live.get(item.getReadValueId().getNodeId())
                : null;
    }

    private DataValue readOnce(DataItem item) {
        var context = new AddressSpace.ReadContext(getServer(), item.getSession());
        return read(context, 0.0, TimestampsToReturn.Both, List.of(item.getReadValueId())).get(0);
    }
}
