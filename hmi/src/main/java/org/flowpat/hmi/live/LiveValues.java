package org.flowpat.hmi.live;

import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.flowpat.controller.api.Addresses;
import org.flowpat.controller.api.Sample;
import org.flowpat.controller.api.SampleBatch;
import org.flowpat.controller.api.codec.ControllerCodecs;
import org.flowpat.hmi.api.SignalRef;

/**
 * The latest sample of every signal, kept by listening to {@link Addresses#SAMPLES}, and the fan-out of each
 * batch to live listeners (WebSocket clients). A sample older than the one held (late delivery after a
 * reconnect) does not replace it.
 */
public final class LiveValues {
    private final Map<String, Sample> latest = new ConcurrentHashMap<>();
    private final List<Consumer<List<LiveSample>>> listeners = new CopyOnWriteArrayList<>();
    private final AtomicLong received = new AtomicLong();
    private MessageConsumer<Object> consumer;

    public void start(Vertx vertx) {
        ControllerCodecs.register(vertx.eventBus()); // needed to decode batches from other cluster nodes
        consumer = vertx.eventBus().consumer(Addresses.SAMPLES, message -> {
            if (message.body() instanceof SampleBatch batch) {
                accept(batch.samples());
            }
        });
    }

    void accept(List<Sample> samples) {
        List<LiveSample> fresh = new ArrayList<>(samples.size());
        for (Sample s : samples) {
            received.incrementAndGet();
            String key = SignalRef.key(s.line(), s.signal());
            Sample merged = latest.merge(key, s, (old, now) -> now.sourceTimeNanos() >= old.sourceTimeNanos() ? now : old);
            if (merged == s) {
                fresh.add(new LiveSample(key, s));
            }
        }
        if (!fresh.isEmpty()) {
            listeners.forEach(l -> l.accept(fresh));
        }
    }

    /** The latest sample of {@code LINE/UNIT.signal}, or null if none arrived yet. */
    public Sample latest(String key) {
        return latest.get(key);
    }

    public long received() {
        return received.get();
    }

    /** Source time of the newest sample seen, epoch ns, or 0. */
    public long newestSourceNanos() {
        return latest.values().stream().mapToLong(Sample::sourceTimeNanos).max().orElse(0);
    }

    public void addListener(Consumer<List<LiveSample>> listener) {
        listeners.add(listener);
    }

    public void removeListener(Consumer<List<LiveSample>> listener) {
        listeners.remove(listener);
    }

    public void stop() {
        if (consumer != null) {
            consumer.unregister();
        }
    }
}
