package org.flowpat.simulator.opcua;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.milo.opcua.sdk.core.ValueRanks;
import org.eclipse.milo.opcua.sdk.server.methods.AbstractMethodInvocationHandler;
import org.eclipse.milo.opcua.sdk.server.nodes.UaFolderNode;
import org.eclipse.milo.opcua.sdk.server.nodes.UaMethodNode;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.structured.Argument;
import org.flowpat.simulator.model.Fault;
import org.flowpat.simulator.model.FaultType;
import org.flowpat.simulator.model.LineSimulation;

/** The InjectFault, ClearFault and ClearAllFaults methods of one line object. */
final class FaultMethods {
    private static final AtomicLong FAULT_IDS = new AtomicLong();

    private FaultMethods() {
    }

    static void add(NodeBuilder nodes, UaFolderNode lineFolder, LineSimulation line) {
        String prefix = line.lineId() + ".";
        UaMethodNode inject = nodes.methodBuilder(prefix + "InjectFault", "InjectFault",
                "Injects a fault; returns its id. type: one of " + java.util.Arrays.toString(FaultType.values())
                        + "; durationS <= 0 means until cleared").build();
        install(inject, new Inject(inject, line));
        nodes.method(lineFolder, inject);

        UaMethodNode clear = nodes.methodBuilder(prefix + "ClearFault", "ClearFault",
                "Clears the fault with this id; returns whether it was active").build();
        install(clear, new Clear(clear, line));
        nodes.method(lineFolder, clear);

        UaMethodNode clearAll = nodes.methodBuilder(prefix + "ClearAllFaults", "ClearAllFaults",
                "Clears every fault of the line").build();
        install(clearAll, new ClearAll(clearAll, line));
        nodes.method(lineFolder, clearAll);
    }

    private static void install(UaMethodNode node, AbstractMethodInvocationHandler handler) {
        node.setInputArguments(handler.getInputArguments());
        node.setOutputArguments(handler.getOutputArguments());
        node.setInvocationHandler(handler);
    }

    private static Argument argument(String name, NodeId type, String description) {
        return new Argument(name, type, ValueRanks.Scalar, null, LocalizedText.english(description));
    }

    private static final class Inject extends AbstractMethodInvocationHandler {
        private final LineSimulation line;

        Inject(UaMethodNode node, LineSimulation line) {
            super(node);
            this.line = line;
        }

        @Override
        public Argument[] getInputArguments() {
            return new Argument[]{
                    argument("type", NodeIds.String, "fault type, e.g. TEMPERATURE_EXCURSION"),
                    argument("target", NodeIds.String, "unit id or signal reference, e.g. R1 or R1.temperature; empty if implied"),
                    argument("magnitude", NodeIds.Double, "strength in the fault type's own unit"),
                    argument("durationS", NodeIds.Double, "simulated seconds; <= 0 means until cleared")};
        }

        @Override
        public Argument[] getOutputArguments() {
            return new Argument[]{argument("faultId", NodeIds.String, "id for ClearFault")};
        }

        @Override
        protected Variant[] invoke(InvocationContext context, Variant[] inputs) throws UaException {
            FaultType type = parseType((String) inputs[0].value());
            String target = (String) inputs[1].value();
            double magnitude = inputs[2].value() == null ? 0.0 : (Double) inputs[2].value();
            double durationS = inputs[3].value() == null ? 0.0 : (Double) inputs[3].value();
            if (!Double.isFinite(magnitude) || Double.isNaN(durationS)) {
                throw new UaException(StatusCodes.Bad_InvalidArgument, "magnitude and durationS must be numbers");
            }
            String id = line.lineId() + "-F" + FAULT_IDS.incrementAndGet();
            synchronized (line) {
                Fault fault = new Fault(id, type, target == null || target.isBlank() ? null : target, magnitude,
                        line.timeSeconds(), durationS <= 0 ? Double.POSITIVE_INFINITY : durationS);
                try {
                    line.inject(fault);
                } catch (IllegalArgumentException e) {
                    throw new UaException(StatusCodes.Bad_InvalidArgument, e.getMessage());
                }
            }
            return new Variant[]{new Variant(id)};
        }

        private static FaultType parseType(String name) throws UaException {
            try {
                return FaultType.valueOf(name == null ? "" : name.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new UaException(StatusCodes.Bad_InvalidArgument,
                        "unknown fault type '" + name + "'; expected one of " + java.util.Arrays.toString(FaultType.values()));
            }
        }
    }

    private static final class Clear extends AbstractMethodInvocationHandler {
        private final LineSimulation line;

        Clear(UaMethodNode node, LineSimulation line) {
            super(node);
            this.line = line;
        }

        @Override
        public Argument[] getInputArguments() {
            return new Argument[]{argument("faultId", NodeIds.String, "id returned by InjectFault")};
        }

        @Override
        public Argument[] getOutputArguments() {
            return new Argument[]{argument("cleared", NodeIds.Boolean, "whether the fault was active")};
        }

        @Override
        protected Variant[] invoke(InvocationContext context, Variant[] inputs) {
            boolean cleared;
            synchronized (line) {
                cleared = line.clear((String) inputs[0].value());
            }
            return new Variant[]{new Variant(cleared)};
        }
    }

    private static final class ClearAll extends AbstractMethodInvocationHandler {
        private final LineSimulation line;

        ClearAll(UaMethodNode node, LineSimulation line) {
            super(node);
            this.line = line;
        }

        @Override
        public Argument[] getInputArguments() {
            return new Argument[0];
        }

        @Override
        public Argument[] getOutputArguments() {
            return new Argument[0];
        }

        @Override
        protected Variant[] invoke(InvocationContext context, Variant[] inputs) {
            synchronized (line) {
                line.clearAll();
            }
            return new Variant[0];
        }
    }
}
