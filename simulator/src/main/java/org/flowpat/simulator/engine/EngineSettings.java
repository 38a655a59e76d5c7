package org.flowpat.simulator.engine;

/**
 * How the engine runs: step size (simulated s), time scale (simulated seconds per wall second; 0 or
 * {@link Double#POSITIVE_INFINITY} = as fast as possible), seed, and {@code lines}: null runs the plant's lines as
 * they are, N replicates the first line N times as L1..LN (scale mode).
 */
public record EngineSettings(double stepS, double timeScale, long seed, Integer lines) {
    public static final double DEFAULT_STEP_S = 1.0;
    public static final long DEFAULT_SEED = 1;

    public EngineSettings {
        if (!(stepS > 0) || !Double.isFinite(stepS)) {
            throw new IllegalArgumentException("step must be > 0 s, got " + stepS);
        }
        if (!(timeScale >= 0)) {
            throw new IllegalArgumentException("time scale must be >= 0 (0 = as fast as possible), got " + timeScale);
        }
        if (lines != null && lines < 1) {
            throw new IllegalArgumentException("lines must be at least 1, got " + lines);
        }
    }

    /** Real time, 1 s steps, seed 1, the plant's own lines. */
    public static EngineSettings defaults() {
        return new EngineSettings(DEFAULT_STEP_S, 1.0, DEFAULT_SEED, null);
    }

    public EngineSettings withStep(double newStepS) {
        return new EngineSettings(newStepS, timeScale, seed, lines);
    }

    public EngineSettings withTimeScale(double newTimeScale) {
        return new EngineSettings(stepS, newTimeScale, seed, lines);
    }

    public EngineSettings withSeed(long newSeed) {
        return new EngineSettings(stepS, timeScale, newSeed, lines);
    }

    public EngineSettings withLines(Integer newLines) {
        return new EngineSettings(stepS, timeScale, seed, newLines);
    }

    /** Whether the engine should run as fast as it can rather than pace itself against the wall clock. */
    public boolean asFastAsPossible() {
        return timeScale == 0 || Double.isInfinite(timeScale);
    }

    /** Parses a command-line time scale: a positive number, or 0 / "max" for as fast as possible. */
    public static double parseTimeScale(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("time scale is empty; give a number such as 1 or 60, or max");
        }
        if (text.trim().equalsIgnoreCase("max")) {
            return 0;
        }
        try {
            double scale = Double.parseDouble(text.trim());
            if (!(scale >= 0) || Double.isNaN(scale)) {
                throw new IllegalArgumentException("time scale must be >= 0 or max, got '" + text + "'");
            }
            return scale;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("time scale '" + text + "' is not a number or max", e);
        }
    }
}
