package org.flowpat.simulator.server;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.flowpat.simulator.model.LineSimulation;

/**
 * Steps lines on a timer the way the engine does (under each line's monitor, then tells the listener) so the
 * protocol servers can be tested without the physics: {@code dtS} simulated seconds every {@code periodMs}.
 */
public final class TestStepper implements AutoCloseable {
    public interface Listener {
        void afterStep(LineSimulation line, long sourceTimeMillis);
    }

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "test-stepper");
        t.setDaemon(true);
        return t;
    });
    private final long epochMillis = System.currentTimeMillis();

    public TestStepper(List<? extends LineSimulation> lines, double dtS, long periodMs, Listener listener) {
        timer.scheduleAtFixedRate(() -> {
            for (LineSimulation line : lines) {
                synchronized (line) {
                    line.step(dtS);
                    listener.afterStep(line, epochMillis + Math.round(line.timeSeconds() * 1000));
                }
            }
        }, periodMs, periodMs, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
