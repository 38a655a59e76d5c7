package org.flowpat.controller.linestate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.ReplyException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.flowpat.controller.api.Addresses;
import org.flowpat.controller.api.LineCommand;
import org.flowpat.controller.api.LineCommandRequest;
import org.flowpat.controller.api.LineState;
import org.flowpat.controller.api.LineStateChange;
import org.flowpat.controller.api.QualityAddresses;
import org.flowpat.controller.api.SampleBatch;
import org.flowpat.controller.quality.QualityCodecs;
import org.flowpat.controller.quality.QualityFixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The bundled line's state on the bus: commands answered, refusals explained, the over-pressure interlock holds. */
class LineStateVerticleTest {
    private final Vertx vertx = Vertx.vertx();
    private final List<LineStateChange> changes = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() throws Exception {
        await(vertx.close());
    }

    private static <T> T await(Future<T> f) throws Exception {
        return f.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private String command(LineCommand c, String user) throws Exception {
        return await(vertx.eventBus().<String>request(QualityAddresses.lineCommands("L1"), new LineCommandRequest("L1", c, user))).body();
    }

    private static void waitFor(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out waiting for " + what);
            Thread.sleep(5);
        }
    }

    private LineState last() {
        return changes.isEmpty() ? LineState.STOPPED : changes.get(changes.size() - 1).to();
    }

    @Test
    void aStartedLineIsHeldByTheOverPressureInterlockAndRefusesAStartWhileHeld() throws Exception {
        QualityCodecs.register(vertx.eventBus());
        vertx.eventBus().<LineStateChange>consumer(QualityAddresses.LINE_STATE, m -> changes.add(m.body()));
        await(vertx.deployVerticle(new LineStateVerticle(QualityFixtures.bundledLine(), 10)));
        assertEquals("RESETTING", command(LineCommand.RESET, "olga"));
        waitFor(() -> last() == LineState.IDLE, "IDLE");
        assertEquals("STARTING", command(LineCommand.START, "olga"));
        waitFor(() -> last() == LineState.EXECUTE, "EXECUTE");

        vertx.eventBus().publish(Addresses.SAMPLES, new SampleBatch(List.of(QualityFixtures.good("R1.pressure", 16.0, 0))));
        waitFor(() -> last() == LineState.HELD, "HELD");
        LineStateChange hold = changes.stream().filter(c -> c.to() == LineState.HOLDING).findFirst().orElseThrow();
        assertEquals("interlock:over-pressure", hold.by());

        ExecutionException e = assertThrows(ExecutionException.class, () -> command(LineCommand.START, "olga"));
        ReplyException refusal = (ReplyException) e.getCause();
        assertEquals(409, refusal.failureCode());
        assertTrue(refusal.getMessage().contains("HELD") && refusal.getMessage().contains("UNHOLD"), refusal.getMessage());
    }
}
