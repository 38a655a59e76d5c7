package org.flowpat.simulator.opcua;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.milo.opcua.sdk.server.items.DataItem;
import org.eclipse.milo.opcua.sdk.server.nodes.UaVariableNode;
import org.eclipse.milo.opcua.sdk.server.nodes.filters.AttributeFilter;
import org.eclipse.milo.opcua.sdk.server.nodes.filters.AttributeFilterContext;
import org.eclipse.milo.opcua.stack.core.AttributeId;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;

/**
 * A variable node whose value the simulator pushes after each step: reads answer the latest value, and every
 * monitored item on the node receives it directly (no SDK sampling, which misses updates at 10 Hz). Writable
 * variables route client writes to a {@link WriteHandler}.
 */
public final class LiveVariable implements AttributeFilter {
    /** Applies a client's write; returns the value to show afterwards or throws with the status to answer. */
    @FunctionalInterface
    interface WriteHandler {
        DataValue write(Variant value) throws UaException;
    }

    /** Told about every value pushed to monitored items (the scale benchmark counts them). */
    @FunctionalInterface
    public interface PublishObserver {
        void published(DataValue value, int monitoredItems);
    }

    private final UaVariableNode node;
    private final WriteHandler writeHandler;
    private final java.util.function.Supplier<PublishObserver> observer;
    private final List<DataItem> items = new CopyOnWriteArrayList<>();
    private volatile DataValue current;

    LiveVariable(UaVariableNode node, DataValue initial, WriteHandler writeHandler,
                 java.util.function.Supplier<PublishObserver> observer) {
        this.node = node;
        this.observer = observer;
        this.current = initial;
        this.writeHandler = writeHandler;
        node.getFilterChain().addLast(this);
    }

    UaVariableNode node() {
        return node;
    }

    boolean writable() {
        return writeHandler != null;
    }

    DataValue current() {
        return current;
    }

    /**
     * Publishes {@code value} stamped {@code sourceTimeMillis} if value or status changed; returns whether it did.
     * A new timestamp alone is not a change: subscribers use the default trigger StatusValue, whose filter would
     * drop it anyway, and reads keep the time of the last real change.
     */
    boolean update(Object value, StatusCode status, long sourceTimeMillis) {
        return update(value, status, sourceTimeMillis, DateTime.now());
    }

    /** As {@link #update(Object, StatusCode, long)} with the server timestamp given (a clock read costs). */
    boolean update(Object value, StatusCode status, long sourceTimeMillis, DateTime serverTime) {
        DataValue last = current;
        if (last != null && last.sourceTime() != null && sameValue(last.value().value(), value)
                && last.statusCode().equals(status)) {
            return false;
        }
        publish(new DataValue(new Variant(value), status, new DateTime(java.time.Instant.ofEpochMilli(sourceTimeMillis)),
                serverTime));
        return true;
    }

    /** Doubles, nearly every value pushed, compared without the generic (and slower) deep-equals path. */
    private static boolean sameValue(Object last, Object value) {
        if (last instanceof Double l && value instanceof Double v) {
            return Double.doubleToLongBits(l) == Double.doubleToLongBits(v);
        }
        return Objects.deepEquals(last, value);
    }

    /** Publishes a new status for the last value (e.g. Bad_CommunicationError), keeping its source time. */
    void updateStatus(StatusCode status, DateTime serverTime) {
        DataValue last = current;
        if (last != null && !last.statusCode().equals(status)) {
            publish(new DataValue(last.value(), status, last.sourceTime(), serverTime));
        }
    }

    void publish(DataValue value) {
        current = value;
        int fed = 0;
        for (DataItem item : items) {
            if (item.isSamplingEnabled()) {
                item.setValue(value);
                fed++;
            }
        }
        PublishObserver o = observer.get();
        if (o != null) {
            o.published(value, fed);
        }
    }

    void addItem(DataItem item) {
        items.add(item);
        item.setValue(current);
    }

    void removeItem(DataItem item) {
        items.remove(item);
    }

    int itemCount() {
        return items.size();
    }

    @Override
    public Object getAttribute(AttributeFilterContext ctx, AttributeId attributeId) {
        return attributeId == AttributeId.Value ? current : ctx.getAttribute(attributeId);
    }

    @Override
    public void writeAttribute(AttributeFilterContext ctx, AttributeId attributeId, Object value) throws UaException {
        if (attributeId != AttributeId.Value || writeHandler == null) {
            ctx.writeAttribute(attributeId, value);
            return;
        }
        publish(writeHandler.write(((DataValue) value).value()));
    }
}
