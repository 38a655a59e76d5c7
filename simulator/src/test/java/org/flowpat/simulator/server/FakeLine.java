package org.flowpat.simulator.server;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.flowpat.config.model.Line;
import org.flowpat.config.model.Signal;
import org.flowpat.config.model.Unit;
import org.flowpat.simulator.model.Fault;
import org.flowpat.simulator.model.FaultType;
import org.flowpat.simulator.model.GroundTruth;
import org.flowpat.simulator.model.LineSimulation;
import org.flowpat.simulator.model.Quality;
import org.flowpat.simulator.model.SetpointRejectedException;

/**
 * A test double of the {@link LineSimulation} contract (not of any protocol): every signal of the plant line
 * holds a value; measurements wiggle each step, R1.temperature follows R1.jacketSetpoint, P1/P2 flow follows the
 * setpoint while running, the analyzer scans every 5 s. TEMPERATURE_EXCURSION adds its magnitude to
 * R1.temperature, ANALYZER_DROPOUT makes AT1 signals BAD, COMM_LOSS sets communicationLost.
 */
public final class FakeLine implements LineSimulation {
    private static final double SCAN_INTERVAL_S = 5.0;

    private final String lineId;
    private final Line config;
    private final Map<String, Signal> signals = new HashMap<>();
    private final Map<String, Double> values = new HashMap<>();
    private final Map<String, Double> changedAt = new HashMap<>();
    private final List<Fault> faults = new ArrayList<>();
    private double time;
    private double lastScan;
    private String lotId = "";
    private double[] spectrum = new double[8];

    public FakeLine(Line config) {
        this.config = config;
        this.lineId = config.id();
        for (Unit unit : config.units()) {
            for (Signal signal : unit.signals()) {
                String ref = unit.id() + "." + signal.id();
                signals.put(ref, signal);
                double initial = signal.normal() != null ? (signal.normal().min() + signal.normal().max()) / 2
                        : signal.range() != null ? signal.range().min() : 0.0;
                values.put(ref, initial);
                changedAt.put(ref, 0.0);
            }
        }
        values.put("R1.jacketSetpoint", 80.0);
        values.put("P1.flowSetpoint", 1.5);
        values.put("P1.running", 1.0);
    }

    @Override
    public String lineId() {
        return lineId;
    }

    @Override
    public Line config() {
        return config;
    }

    @Override
    public double timeSeconds() {
        return time;
    }

    @Override
    public void step(double dtSeconds) {
        time += dtSeconds;
        faults.removeIf(f -> time >= f.startS() + f.durationS());
        double excursion = faults.stream().filter(f -> f.type() == FaultType.TEMPERATURE_EXCURSION)
                .mapToDouble(Fault::magnitude).sum();
        double wiggle = 0.01 * Math.sin(time);
        double temperature = values.get("R1.temperature");
        double target = values.get("R1.jacketSetpoint") + excursion;
        set("R1.temperature", temperature + (target - temperature) * Math.min(1.0, dtSeconds / 10.0) + wiggle);
        set("P1.flow", values.get("P1.flowSetpoint") * values.get("P1.running") + wiggle);
        set("R1.pressure", 6.5 + wiggle);
        set("FA.mass", values.get("FA.mass") - 0.01 * dtSeconds);
        if (time - lastScan >= SCAN_INTERVAL_S) {
            lastScan = time;
            set("AT1.conversion", 97.0 + wiggle);
            set("AT1.purity", 98.0 + wiggle);
            spectrum = new double[]{0.1, 0.2, 0.3 + wiggle, 0.4, 0.5, 0.4, 0.3, 0.2};
            changedAt.put("AT1.spectrum", time);
        }
    }

    private void set(String ref, double value) {
        values.put(ref, value);
        changedAt.put(ref, time);
    }

    private Signal signal(String ref) {
        Signal signal = signals.get(ref);
        if (signal == null) {
            throw new SetpointRejectedException(SetpointRejectedException.Reason.UNKNOWN_SIGNAL, "no signal " + ref);
        }
        return signal;
    }

    @Override
    public double value(String signalRef) {
        signal(signalRef);
        return values.get(signalRef);
    }

    @Override
    public Quality quality(String signalRef) {
        boolean dropout = faults.stream().anyMatch(f -> f.type() == FaultType.ANALYZER_DROPOUT);
        return dropout && signalRef.startsWith("AT1.") ? Quality.BAD : Quality.GOOD;
    }

    @Override
    public double sourceTimeSeconds(String signalRef) {
        signal(signalRef);
        return changedAt.get(signalRef);
    }

    @Override
    public double[] spectrum() {
        return spectrum.clone();
    }

    @Override
    public double[] wavelengthsNm() {
        return new double[]{1100, 1200, 1300, 1400, 1500, 1600, 1700, 1800};
    }

    @Override
    public void write(String signalRef, double value) {
        Signal signal = signal(signalRef);
        if (!signal.kind().writable()) {
            throw new SetpointRejectedException(SetpointRejectedException.Reason.NOT_WRITABLE, signalRef + " is not writable");
        }
        if (!signal.range().contains(value)) {
            throw new SetpointRejectedException(SetpointRejectedException.Reason.OUT_OF_RANGE, signalRef + " out of range");
        }
        set(signalRef, value);
    }

    @Override
    public void inject(Fault fault) {
        faults.add(fault);
    }

    @Override
    public boolean clear(String faultId) {
        return faults.removeIf(f -> f.id().equals(faultId));
    }

    @Override
    public void clearAll() {
        faults.clear();
    }

    @Override
    public List<Fault> activeFaults() {
        return List.copyOf(faults);
    }

    @Override
    public boolean communicationLost() {
        return faults.stream().anyMatch(f -> f.type() == FaultType.COMM_LOSS);
    }

    @Override
    public String lotId() {
        return lotId;
    }

    @Override
    public void setLotId(String lotId) {
        this.lotId = lotId;
    }

    @Override
    public GroundTruth groundTruth() {
        return new GroundTruth(values.get("AT1.conversion"), values.get("AT1.purity"), 0.5, false, 0, 0, time, 0);
    }
}
