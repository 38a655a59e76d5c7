package org.flowpat.controller.acquisition;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.Vertx;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.flowpat.controller.api.Addresses;
import org.flowpat.controller.api.Quality;
import org.flowpat.controller.api.Sample;
import org.flowpat.controller.api.SampleBatch;
import org.flowpat.controller.api.codec.ControllerCodecs;
import org.junit.jupiter.api.Test;

/** Per-line verticles hear their own line's samples once each, in order, whatever the plant-wide batches hold. */
class LineSamplesTest {

    private static Sample sample(String line, long t) {
        return new Sample(line, "R1.temperature", 80, t, t, Quality.GOOD_CODE);
    }

    @Test
    void eachLineGetsItsOwnSamplesOnceAndInOrder() throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            ControllerCodecs.register(vertx.eventBus());
            List<Sample> l1 = new CopyOnWriteArrayList<>();
            List<Sample> l1Again = new CopyOnWriteArrayList<>();
            List<Sample> l2 = new CopyOnWriteArrayList<>();
            LineSamples.consumer(vertx, "L1", m -> l1.addAll(m.body().samples()));
            LineSamples.consumer(vertx, "L1", m -> l1Again.addAll(m.body().samples()));  // a second verticle of L1
            LineSamples.consumer(vertx, "L2", m -> l2.addAll(m.body().samples()));
            vertx.eventBus().publish(Addresses.SAMPLES, new SampleBatch(List.of(sample("L1", 1), sample("L1", 2))));
            vertx.eventBus().publish(Addresses.SAMPLES, new SampleBatch(List.of(sample("L2", 3), sample("L1", 4),
                    sample("L2", 5))));
            vertx.eventBus().publish(Addresses.SAMPLES, new SampleBatch(List.of(sample("L3", 6))));
            for (int i = 0; i < 200 && (l1.size() < 3 || l1Again.size() < 3 || l2.size() < 2); i++) {
                Thread.sleep(10);
            }
            Thread.sleep(50); // anything delivered twice would have arrived by now
            assertEquals(List.of(1L, 2L, 4L), l1.stream().map(Sample::sourceTimeNanos).toList());
            assertEquals(l1, l1Again, "one router: every consumer of a line gets each batch once");
            assertEquals(List.of(3L, 5L), l2.stream().map(Sample::sourceTimeNanos).toList());
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }
}
