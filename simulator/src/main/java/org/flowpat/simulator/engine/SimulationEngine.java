package org.flowpat.simulator.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.LockSupport;
import org.flowpat.config.model.Line;
import org.flowpat.config.model.Plant;
import org.flowpat.config.scenario.Scenario;
import org.flowpat.simulator.model.Fault;
import org.flowpat.simulator.model.LineSimulation;
import org.flowpat.simulator.physics.SimulatedLine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the simulated lines of a plant (with a scenario's faults and a seed) and steps them all on one scheduler
 * thread, paced against the wall clock by the time scale, telling listeners after each line's step. Tests and
 * benchmarks can instead step synchronously with {@link #runFor}.
 *
 * <p>With {@value #PARALLEL_FROM_LINES} lines or more (scale mode) each step is split into slices of lines stepped
 * at once on up to one thread per core: lines are independent, and one thread fell seconds behind real time at
 * 400 lines and 40 Hz, where stepping and publishing, not the network, took its time.
 *
 * <p>Each line gets its own seed, drawn in line order from a generator seeded with the engine's seed, so line L1
 * behaves the same whether it runs alone or among N replicas.
 */
public final class SimulationEngine implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SimulationEngine.class);
    /** At most this many steps to catch up in one go after a stall; beyond it the engine drops the backlog. */
    private static final int MAX_CATCH_UP_STEPS = 10_000;
    /** From this many lines on, a step runs in parallel slices (fewer lines are not worth the hand-over). */
    static final int PARALLEL_FROM_LINES = 32;

    private final EngineSettings settings;
    private final List<SimulatedLine> lines;
    private final List<StepListener> listeners = new CopyOnWriteArrayList<>();
    /** Set again in start(): source times must track the wall clock from when pacing begins, not from construction. */
    private volatile long epochMillis;
    private final Object runLock = new Object();
    private volatile Thread thread;
    private volatile boolean running;
    private volatile double simulatedS;
    private volatile Throwable failure;
    /** Slices of {@link #lines} stepped at once; a single slice steps on the calling thread only. */
    private final List<List<SimulatedLine>> slices;
    /** Steps every slice but the first (which the stepping thread takes itself); null with one slice. */
    private final ExecutorService sliceWorkers;

    public SimulationEngine(Plant plant, Scenario scenario, EngineSettings settings) {
        this.settings = settings;
        List<Line> configs = settings.lines() == null ? plant.lines()
                : LineReplicator.replicate(plant.lines().get(0), settings.lines());
        SplittableRandom seeds = new SplittableRandom(settings.seed());
        List<SimulatedLine> built = new ArrayList<>(configs.size());
        for (Line config : configs) {
            SimulatedLine line = new SimulatedLine(config, seeds.nextLong());
            if (scenario != null) {
                for (Fault fault : ScenarioFaults.forLine(scenario, config.id())) {
                    line.inject(fault);
                }
            }
            built.add(line);
        }
        this.lines = List.copyOf(built);
        this.slices = slices(lines, lines.size() < PARALLEL_FROM_LINES ? 1 : Runtime.getRuntime().availableProcessors());
        this.sliceWorkers = slices.size() == 1 ? null : Executors.newFixedThreadPool(slices.size() - 1, r -> {
            Thread t = new Thread(r, "flowpat-simulator-slice");
            t.setDaemon(true);
            return t;
        });
        this.epochMillis = System.currentTimeMillis();
    }

    /** {@code lines} cut into at most {@code count} contiguous slices of nearly equal size. */
    static <T> List<List<T>> slices(List<T> lines, int count) {
        int n = Math.max(1, Math.min(count, lines.size()));
        List<List<T>> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(lines.subList(i * lines.size() / n, (i + 1) * lines.size() / n));
        }
        return out;
    }

    public List<LineSimulation> lines() {
        return List.copyOf(lines);
    }

    /** The line with this id, or an exception naming the ones there are. */
    public LineSimulation line(String id) {
        return lines.stream().filter(l -> l.lineId().equals(id)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("no line '" + id + "'; lines: "
                        + String.join(", ", lines.stream().map(SimulatedLine::lineId).toList())));
    }

    public EngineSettings settings() {
        return settings;
    }

    /** Wall-clock time (ms) that simulated time 0 corresponds to in source timestamps. */
    public long epochMillis() {
        return epochMillis;
    }

    /**
     * How far this engine's source clock (epoch + simulated time) is behind the wall clock, for benchmarks that
     * subtract it from latencies: the epoch is fixed when the engine is built and pacing starts when it is started.
     * The smallest of {@code readings} readings 5 ms apart is the gap right after a step, when the step was due.
     */
    public long sourceClockLagNanos(int readings) throws InterruptedException {
        long best = Long.MAX_VALUE;
        for (int i = 0; i < readings; i++) {
            long engineNanos = epochMillis * 1_000_000L + Math.round(simulatedS * 1e9);
            java.time.Instant now = java.time.Instant.now();
            best = Math.min(best, now.getEpochSecond() * 1_000_000_000L + now.getNano() - engineNanos);
            Thread.sleep(5);
        }
        return Math.max(0, best);
    }

    /** Simulated seconds run so far. */
    public double simulatedSeconds() {
        return simulatedS;
    }

    public void addListener(StepListener listener) {
        listeners.add(listener);
    }

    public void removeListener(StepListener listener) {
        listeners.remove(listener);
    }

    /** Steps every line for {@code simulatedSeconds} on the calling thread, as fast as possible. */
    public void runFor(double simulatedSeconds) {
        if (thread != null) {
            throw new IllegalStateException("the engine thread is running; runFor is for synchronous use only");
        }
        long steps = Math.round(simulatedSeconds / settings.stepS());
        synchronized (runLock) {
            for (long k = 0; k < steps; k++) {
                stepAll();
            }
        }
    }

    /** Starts the scheduler thread. */
    public synchronized void start() {
        if (thread != null) {
            throw new IllegalStateException("engine already started");
        }
        running = true;
        epochMillis = System.currentTimeMillis() - Math.round(simulatedS * 1000);
        thread = new Thread(this::loop, "flowpat-simulator-engine");
        thread.setDaemon(true);
        thread.start();
    }

    /** An error that stopped the engine thread, if any. */
    public Throwable failure() {
        return failure;
    }

    private void loop() {
        double stepS = settings.stepS();
        long wallStart = System.nanoTime();
        double simStart = simulatedS;
        try {
            while (running) {
                if (settings.asFastAsPossible()) {
                    synchronized (runLock) {
                        stepAll();
                    }
                    continue;
                }
                double due = simStart + (System.nanoTime() - wallStart) / 1e9 * settings.timeScale();
                long behind = (long) Math.floor((due - simulatedS) / stepS + 1e-9);
                if (behind > MAX_CATCH_UP_STEPS) {
                    LOG.warn("simulator fell {} steps behind the time scale; skipping ahead", behind);
                    wallStart = System.nanoTime();
                    simStart = simulatedS;
                    continue;
                }
                if (behind > 0) {
                    synchronized (runLock) {
                        stepAll();
                    }
                    continue;
                }
                double waitS = (simulatedS + stepS - due) / settings.timeScale();
                LockSupport.parkNanos((long) Math.max(50_000, Math.min(waitS * 1e9, 100_000_000)));
            }
        } catch (RuntimeException | Error e) {
            failure = e;
            LOG.error("simulator engine stopped", e);
            running = false;
        }
    }

    private void stepAll() {
        if (sliceWorkers == null) {
            stepSlice(lines);
        } else {
            List<Future<?>> others = new ArrayList<>(slices.size() - 1);
            for (int i = 1; i < slices.size(); i++) {
                List<SimulatedLine> slice = slices.get(i);
                others.add(sliceWorkers.submit(() -> stepSlice(slice)));
            }
            stepSlice(slices.get(0));
            for (Future<?> other : others) {
                awaitSlice(other);
            }
        }
        simulatedS += settings.stepS();
    }

    private static void awaitSlice(Future<?> slice) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    slice.get(); // a step is never left half done: the next one would see lines at two times
                    return;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void stepSlice(List<SimulatedLine> slice) {
        double stepS = settings.stepS();
        for (SimulatedLine line : slice) {
            synchronized (line) {
                line.step(stepS);
                long sourceTime = epochMillis + Math.round(line.timeSeconds() * 1000);
                for (StepListener listener : listeners) {
                    try {
                        listener.afterStep(line, sourceTime);
                    } catch (RuntimeException e) {
                        LOG.warn("step listener {} failed on line {}", listener, line.lineId(), e);
                    }
                }
            }
        }
    }

    /** Stops the scheduler thread and waits for it (at most 5 s), then the slice workers. */
    @Override
    public void close() {
        running = false;
        Thread t = thread;
        if (t != null) {
            t.interrupt();
            try {
                t.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            thread = null;
        }
        if (sliceWorkers != null) {
            sliceWorkers.shutdown();
        }
    }
}
