package org.flowpat.pat.rtd;

/**
 * Streaming prediction of an outlet signal from a sampled inlet signal:
 * outlet[n] = Σ_k w_k·inlet[n-k] with the {@link SampledRtd} kernel w at the sampling step.
 * A ring buffer holds the inlet history; {@link #push(double)} allocates nothing. When the flow
 * changes, {@link #setKernel(SampledRtd)} swaps the kernel and keeps the history. Not thread-safe.
 */
public final class RtdConvolver {
    private double[] kernel;
    private double step;
    private double[] history;
    private int head;

    /**
     * @param rtd     the kernel, sampled at the signal's sampling step
     * @param initial the inlet value before the first sample (a line at steady state)
     */
    public RtdConvolver(SampledRtd rtd, double initial) {
        this(rtd, initial, rtd.length());
    }

    /**
     * @param historyCapacity inlet samples to keep (at least the kernel length); keep as many as
     *                        the longest kernel expected (lowest flow) so a later switch to a
     *                        longer kernel sees the true inlet history instead of a repeated oldest value
     */
    public RtdConvolver(SampledRtd rtd, double initial, int historyCapacity) {
        this.kernel = rtd.weights();
        this.step = rtd.step();
        this.history = new double[Math.max(kernel.length, historyCapacity)];
        java.util.Arrays.fill(history, initial);
    }

    /** Adds the inlet sample for the current time step and returns the predicted outlet value. */
    public double push(double inlet) {
        int n = history.length;
        head = head == 0 ? n - 1 : head - 1;
        history[head] = inlet;
        double[] w = kernel;
        double y = 0;
        int idx = head;
        for (int k = 0; k < w.length; k++) {
            y += w[k] * history[idx];
            if (++idx == n) {
                idx = 0;
            }
        }
        return y;
    }

    /** Replaces the kernel (e.g. the RTD at a new flow), same sampling step, keeping the inlet history. */
    public void setKernel(SampledRtd rtd) {
        if (rtd.step() != step) {
            throw new IllegalArgumentException("kernel step " + rtd.step() + " differs from the signal's step " + step);
        }
        double[] w = rtd.weights();
        if (w.length > history.length) {
            // grow the history in age order; ages beyond what was kept repeat the oldest kept value
            double[] grown = new double[w.length];
            for (int k = 0; k < grown.length; k++) {
                grown[k] = history[(head + Math.min(k, history.length - 1)) % history.length];
            }
            history = grown;
            head = 0;
        }
        kernel = w;
    }

    /** Batch form: the outlet for a whole sampled inlet signal. */
    public static double[] predict(SampledRtd rtd, double[] inlet, double initial) {
        RtdConvolver convolver = new RtdConvolver(rtd, initial);
        double[] out = new double[inlet.length];
        for (int i = 0; i < inlet.length; i++) {
            out[i] = convolver.push(inlet[i]);
        }
        return out;
    }
}
