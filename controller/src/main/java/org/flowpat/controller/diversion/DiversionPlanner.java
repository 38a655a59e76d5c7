package org.flowpat.controller.diversion;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.flowpat.config.model.DiversionSettings;
import org.flowpat.config.model.Line;
import org.flowpat.config.model.Process;
import org.flowpat.controller.api.DiversionCommand;
import org.flowpat.controller.api.DiverterPosition;
import org.flowpat.pat.rtd.AxialDispersion;
import org.flowpat.pat.rtd.Diversion;
import org.flowpat.pat.rtd.DiversionWindow;
import org.flowpat.pat.rtd.ResidenceTimeDistribution;
import org.flowpat.pat.rtd.SampledRtd;
import org.flowpat.pat.rtd.TanksInSeries;

/**
 * Plans the diverter (ICH Q13): material goes to product only when it is known good.
 *
 * <p>It works in <em>volume</em> coordinates: V(t), the volume that has flowed since the start, integrated from
 * the measured total flow. An element of liquid that passes a point at V reaches a point downstream when another
 * hold-up volume has flowed, whatever the flow did meanwhile; an RTD with τ = V/Q is the same distribution over
 * volume with mean V. So a window computed over volume stays right when the flow changes (a pump that stops
 * halves the flow and doubles every delay), and τ = V/Q appears only when volumes are turned into times for the
 * commands' planned ends.
 *
 * <ul>
 * <li>Start-up: waste until every CQA has been known good for {@code startupResidenceTimes} reactor volumes.</li>
 * <li>A disturbance seen at the analyzer from V1 to V2 (dated back by {@code analyzerLookbackS}): waste from
 * V1 + q_α to V2 + q_(1-α) of the transfer line's RTD (axial dispersion, Pe), each widened by the margin.</li>
 * <li>A process disturbance upstream of the reactor: the same with the reactor's RTD (tanks in series) and the
 * transfer line in series.</li>
 * <li>Overlapping windows merge; a DIVERT interlock forces waste while it lasts.</li>
 * </ul>
 * Every interval diverted is published with its trigger, its mass (flow × density) and the RTD-optimal minimum
 * ({@link Diversion#minimal}) for the disturbances it covered. Not thread-safe.
 */
public final class DiversionPlanner {
    /** Volume resolution of the sampled reactor + transfer RTD, mL. */
    static final double RTD_STEP_ML = 0.01;

    private final String line;
    private final DiversionSettings settings;
    private final double density;
    private final double reactorMl;
    private final ResidenceTimeDistribution transfer;
    private final ResidenceTimeDistribution upstream;
    private final double alpha;
    private final Consumer<DiversionCommand> sink;

    private final Map<String, Disturbance> open = new LinkedHashMap<>();
    private final List<Window> windows = new ArrayList<>();
    private double volumeMl;
    private double flowMlMin;
    private long lastNanos = Long.MIN_VALUE;
    private boolean startupDone;
    private double goodSinceMl = Double.NaN;
    private boolean forced;
    private String forcedBy = "";

    private DiverterPosition position = DiverterPosition.WASTE;
    private String intervalTrigger = "startup";
    private long intervalStart;
    private double intervalMassG;
    private final List<DiversionWindow> intervalMinimal = new ArrayList<>();
    private final List<DiversionCommand> history = new ArrayList<>();

    /** A disturbance still going on: where it started (mL) and which RTD carries it to the diverter. */
    private record Disturbance(double startMl, ResidenceTimeDistribution rtd, String trigger) {
    }

    /** A closed waste window over volume, with the trigger that opened it and its RTD-optimal minimum. */
    private record Window(double startMl, double endMl, String trigger, DiversionWindow minimal) {
    }

    public DiversionPlanner(Line config, Consumer<DiversionCommand> sink) {
        this.line = config.id();
        this.settings = config.quality().diversion();
        Process p = config.process();
        this.density = p.densityGPerMl();
        this.reactorMl = p.reactor().volumeMl();
        this.transfer = new AxialDispersion(p.analyzerToDiverterVolumeMl(), settings.transferPeclet());
        this.upstream = SampledRtd.series(RTD_STEP_ML, List.of(
                new TanksInSeries(reactorMl, p.reactor().tanksInSeries()), transfer));
        this.alpha = (1 - settings.capture()) / 2;
        this.sink = sink;
    }

    /** The total flow through the line now (mL/min); integrates V(t) over the time since the last call. */
    public void flow(long nowNanos, double totalFlowMlMin) {
        if (lastNanos != Long.MIN_VALUE && nowNanos > lastNanos) {
            double dtMin = (nowNanos - lastNanos) / 60e9;
            double dv = flowMlMin * dtMin;
            volumeMl += dv;
            if (position == DiverterPosition.WASTE) {
                intervalMassG += dv * density;
            }
        }
        if (lastNanos == Long.MIN_VALUE) {
            intervalStart = nowNanos;
        }
        lastNanos = Math.max(lastNanos, nowNanos);
        flowMlMin = Double.isFinite(totalFlowMlMin) && totalFlowMlMin > 0 ? totalFlowMlMin : 0;
    }

    /**
     * What the analyzer says now: all CQAs known good, or not (then {@code trigger} names why, e.g.
     * {@code cqa:impurity} or {@code analyzer}).
     */
    public void analyzer(boolean knownGood, String trigger) {
        analyzer(knownGood, trigger, 0);
    }

    /**
     * As {@link #analyzer(boolean, String)} for a verdict on a sample taken {@code ageNanos} before now: a verdict
     * that reached the controller late (a publishing interval, a slow network) dates its disturbance back by that
     * much more, so the window still starts where the material left the analyzer.
     */
    public void analyzer(boolean knownGood, String trigger, long ageNanos) {
        if (!startupDone) {
            if (!knownGood) {
                goodSinceMl = Double.NaN;
            } else if (Double.isNaN(goodSinceMl)) {
                goodSinceMl = volumeMl;
            } else if (volumeMl - goodSinceMl >= settings.startupResidenceTimes() * reactorMl) {
                startupDone = true;
            }
            return;
        }
        double lookbackMl = (settings.analyzerLookbackS() + Math.max(0, ageNanos) / 1e9) / 60 * flowMlMin;
        disturbance("analyzer", !knownGood, trigger, volumeMl - lookbackMl, transfer);
    }

    /** A process disturbance upstream of the reactor (e.g. a pump's flow off its setpoint) is on or off. */
    public void upstream(String trigger, boolean disturbed) {
        if (startupDone) {
            disturbance("upstream:" + trigger, disturbed, "upstream:" + trigger, volumeMl, upstream);
        }
    }

    /**
     * A new start-up (the line was stopped, or the product changed): material goes to waste again until the CQAs
     * have been known good long enough; disturbances and windows are forgotten.
     */
    public void restartStartup() {
        startupDone = false;
        goodSinceMl = Double.NaN;
        open.clear();
        windows.clear();
    }

    /** A DIVERT interlock: waste while {@code on}, whatever the windows say. */
    public void force(boolean on, String by) {
        forced = on;
        forcedBy = on ? by : "";
    }

    private void disturbance(String key, boolean on, String trigger, double startMl, ResidenceTimeDistribution rtd) {
        Disturbance d = open.get(key);
        if (on && d == null) {
            open.put(key, new Disturbance(Math.max(0, startMl), rtd, trigger));
        } else if (!on && d != null) {
            open.remove(key);
            double margin = marginMl();
            DiversionWindow w = Diversion.window(d.startMl(), volumeMl, 0, d.rtd(), settings.capture(), margin);
            DiversionWindow minimal = Diversion.minimal(d.startMl(), volumeMl, 0, d.rtd(), settings.capture());
            windows.add(new Window(w.start(), w.end(), d.trigger(), minimal));
        }
    }

    private double marginMl() {
        return settings.marginS() / 60 * flowMlMin;
    }

    /**
     * Decides the diverter position now (call after the inputs of this moment); publishes a command when it
     * changes. Windows wholly behind the current volume are forgotten.
     */
    public DiverterPosition decide(long nowNanos) {
        windows.removeIf(w -> {
            boolean passed = w.endMl() < volumeMl;
            if (passed && position == DiverterPosition.WASTE) {
                intervalMinimal.add(w.minimal());
            }
            return passed;
        });
        String reason = wasteReason();
        DiverterPosition wanted = reason == null ? DiverterPosition.PRODUCT : DiverterPosition.WASTE;
        if (wanted != position) {
            if (wanted == DiverterPosition.WASTE) {
                intervalTrigger = reason;
                intervalStart = nowNanos;
                intervalMassG = 0;
                intervalMinimal.clear();
                publish(new DiversionCommand(line, wanted, reason, nowNanos, plannedEnd(nowNanos), 0, 0));
            } else {
                publish(new DiversionCommand(line, wanted, intervalTrigger, intervalStart, nowNanos, intervalMassG,
                        unionMl(intervalMinimal) * density));
            }
            position = wanted;
        }
        return position;
    }

    /** Total length of a set of intervals, overlaps counted once (disturbances seen twice are one minimum). */
    static double unionMl(List<DiversionWindow> intervals) {
        List<DiversionWindow> sorted = new ArrayList<>(intervals);
        sorted.sort(java.util.Comparator.comparingDouble(DiversionWindow::start));
        double total = 0;
        double end = Double.NEGATIVE_INFINITY;
        for (DiversionWindow w : sorted) {
            double from = Math.max(w.start(), end);
            if (w.end() > from) {
                total += w.end() - from;
            }
            end = Math.max(end, w.end());
        }
        return total;
    }

    /** Why material must go to waste now, or null when it is known good. */
    private String wasteReason() {
        if (!startupDone) {
            return "startup";
        }
        if (forced) {
            return forcedBy;
        }
        double margin = marginMl();
        for (Disturbance d : open.values()) {
            if (volumeMl >= d.startMl() + d.rtd().quantile(alpha) - margin) {
                return d.trigger();
            }
        }
        for (Window w : windows) {
            if (volumeMl >= w.startMl() && volumeMl <= w.endMl()) {
                return w.trigger();
            }
        }
        return null;
    }

    /** The end of the waste interval at the current flow (τ = V/Q), Long.MAX_VALUE while a disturbance lasts. */
    private long plannedEnd(long nowNanos) {
        if (!startupDone || forced || !open.isEmpty() || flowMlMin <= 0) {
            return Long.MAX_VALUE;
        }
        double end = volumeMl;
        for (Window w : windows) {
            if (w.startMl() <= end && w.endMl() > end) {
                end = w.endMl();
            }
        }
        return nowNanos + Math.round((end - volumeMl) / flowMlMin * 60e9);
    }

    private void publish(DiversionCommand c) {
        history.add(c);
        sink.accept(c);
    }

    public DiverterPosition position() {
        return position;
    }

    public boolean startupDone() {
        return startupDone;
    }

    /** Volume that has flowed since the start, mL. */
    public double volumeMl() {
        return volumeMl;
    }

    /** Every command published so far (PRODUCT commands carry the intervals' masses). */
    public List<DiversionCommand> history() {
        return List.copyOf(history);
    }
}
