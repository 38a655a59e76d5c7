package org.flowpat.simulator.opcua;

import java.util.Map;
import org.eclipse.milo.opcua.sdk.core.AccessLevel;
import org.eclipse.milo.opcua.sdk.core.ValueRanks;
import org.eclipse.milo.opcua.sdk.server.model.variables.AnalogItemTypeNode;
import org.eclipse.milo.opcua.sdk.server.nodes.UaFolderNode;
import org.eclipse.milo.opcua.sdk.server.nodes.UaMethodNode;
import org.eclipse.milo.opcua.sdk.server.nodes.UaNodeContext;
import org.eclipse.milo.opcua.sdk.server.nodes.UaVariableNode;
import org.eclipse.milo.opcua.sdk.server.nodes.factories.NodeFactory;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.QualifiedName;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UShort;
import org.eclipse.milo.opcua.stack.core.types.structured.EUInformation;
import org.eclipse.milo.opcua.stack.core.types.structured.Range;

/** Creates the simulator's nodes (folders, analog items, plain variables, methods) in its namespace. */
final class NodeBuilder {
    private static final DataValue NO_VALUE_YET = new DataValue(StatusCode.of(
            org.eclipse.milo.opcua.stack.core.StatusCodes.Bad_WaitingForInitialData));

    private final UaNodeContext context;
    private final NodeFactory nodeFactory;
    private final UShort namespaceIndex;
    private final Map<NodeId, LiveVariable> live;
    private final java.util.function.Supplier<LiveVariable.PublishObserver> observer;

    NodeBuilder(UaNodeContext context, NodeFactory nodeFactory, UShort namespaceIndex, Map<NodeId, LiveVariable> live,
                java.util.function.Supplier<LiveVariable.PublishObserver> observer) {
        this.context = context;
        this.observer = observer;
        this.nodeFactory = nodeFactory;
        this.namespaceIndex = namespaceIndex;
        this.live = live;
    }

    NodeId nodeId(String identifier) {
        return new NodeId(namespaceIndex, identifier);
    }

    QualifiedName browseName(String name) {
        return new QualifiedName(namespaceIndex, name);
    }

    /** A folder object; {@code parent} null means directly under the server's Objects folder. */
    UaFolderNode folder(UaFolderNode parent, String identifier, String name, String description) {
        UaFolderNode folder = new UaFolderNode(context, nodeId(identifier), browseName(name), LocalizedText.english(name));
        if (description != null) {
            folder.setDescription(LocalizedText.english(description));
        }
        context.getNodeManager().addNode(folder);
        if (parent == null) {
            folder.addReference(new org.eclipse.milo.opcua.sdk.core.Reference(folder.getNodeId(), NodeIds.Organizes,
                    NodeIds.ObjectsFolder.expanded(), false));
        } else {
            parent.addOrganizes(folder);
        }
        return folder;
    }

    /** An AnalogItemType variable (Double) with EURange and EngineeringUnits properties. */
    LiveVariable analogItem(UaFolderNode parent, String identifier, String name, String description, Range euRange,
                            EUInformation units, LiveVariable.WriteHandler writeHandler) {
        AnalogItemTypeNode node;
        try {
            node = (AnalogItemTypeNode) nodeFactory.createNode(nodeId(identifier), NodeIds.AnalogItemType,
                    new NodeFactory.InstantiationCallback() {
                        @Override
                        public boolean includeOptionalNode(NodeId typeDefinitionId, QualifiedName browseName) {
                            return "EngineeringUnits".equals(browseName.name()) || "EURange".equals(browseName.name());
                        }
                    });
        } catch (UaException e) {
            throw new IllegalStateException("cannot create AnalogItemType node " + identifier + ": " + e.getMessage(), e);
        }
        node.setBrowseName(browseName(name));
        node.setDisplayName(LocalizedText.english(name));
        node.setDataType(NodeIds.Double);
        node.setValueRank(ValueRanks.Scalar);
        node.setEuRange(euRange);
        node.setEngineeringUnits(units);
        return register(parent, node, description, writeHandler);
    }

    /** A BaseDataVariableType variable; {@code valueRank} e.g. {@link ValueRanks#Scalar} or OneDimension. */
    LiveVariable variable(UaFolderNode parent, String identifier, String name, String description, NodeId dataType,
                          int valueRank, LiveVariable.WriteHandler writeHandler) {
        UaVariableNode node = new UaVariableNode.UaVariableNodeBuilder(context)
                .setNodeId(nodeId(identifier))
                .setBrowseName(browseName(name))
                .setDisplayName(LocalizedText.english(name))
                .setDataType(dataType)
                .setValueRank(valueRank)
                .setTypeDefinition(NodeIds.BaseDataVariableType)
                .build();
        return register(parent, node, description, writeHandler);
    }

    private LiveVariable register(UaFolderNode parent, UaVariableNode node, String description,
                                  LiveVariable.WriteHandler writeHandler) {
        if (description != null) {
            node.setDescription(LocalizedText.english(description));
        }
        // Without CurrentWrite the SDK refuses writes before any of our code runs (Bad_NotWritable, see
        // NotWritableAccessController).
        var access = AccessLevel.toValue(writeHandler == null ? AccessLevel.READ_ONLY : AccessLevel.READ_WRITE);
        node.setAccessLevel(access);
        node.setUserAccessLevel(access);
        LiveVariable variable = new LiveVariable(node, NO_VALUE_YET, writeHandler, observer);
        if (live.putIfAbsent(node.getNodeId(), variable) != null) {
            throw new IllegalArgumentException("duplicate OPC UA node id " + node.getNodeId().getIdentifier());
        }
        context.getNodeManager().addNode(node);
        parent.addComponent(node);
        return variable;
    }

    void method(UaFolderNode parent, UaMethodNode method) {
        context.getNodeManager().addNode(method);
        parent.addComponent(method);
    }

    UaMethodNode.UaMethodNodeBuilder methodBuilder(String identifier, String name, String description) {
        return UaMethodNode.builder(context)
                .setNodeId(nodeId(identifier))
                .setBrowseName(browseName(name))
                .setDisplayName(LocalizedText.english(name))
                .setDescription(LocalizedText.english(description));
    }
}
