package org.flowpat.simulator.physics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.flowpat.config.model.Line;
import org.flowpat.config.model.OperatingPoint;
import org.flowpat.config.model.Process;
import org.flowpat.config.model.Signal;
import org.flowpat.config.model.SignalKind;
import org.flowpat.simulator.model.Fault;
import org.flowpat.simulator.model.FaultType;
import org.flowpat.simulator.model.GroundTruth;
import org.flowpat.simulator.model.LineSimulation;
import org.flowpat.simulator.model.Quality;
import org.flowpat.simulator.model.SetpointRejectedException;
import org.flowpat.simulator.model.SetpointRejectedException.Reason;

/**
 * One simulated flow line: feed vessels and pumps → T-mixer → jacketed tubular reactor → quench → inline analyzer →
 * plug-flow transfer line → back-pressure regulator → diverter → product or waste vessel on scales.
 *
 * <p>Everything random comes from three streams split from the line's seed (process noise, analyzer, faults), and
 * every step draws the same amount from the first two whatever faults are active, so a run with a fault differs
 * from the nominal run with the same seed only in what the fault touches. Reads never draw random numbers.
 */
public final class SimulatedLine implements LineSimulation {
    /** The reactor's liquid follows the jacket with this time constant, s. */
    static final double REACTOR_THERMAL_LAG_S = 20.0;
    /** The back-pressure regulator settles to its setpoint with this time constant, s. */
    static final double BPR_TIME_CONSTANT_S = 5.0;
    /** On average one spike every this many simulated seconds under a SPIKES fault. */
    static final double SPIKE_MEAN_INTERVAL_S = 20.0;
    /** Reported when there is no flow to compute a residence time from (the signal's range maximum), min. */
    static final double NO_FLOW_RESIDENCE_TIME_MIN = 120.0;

    private static final double FLOW_NOISE_ML_MIN = 0.003;
    private static final double TEMPERATURE_NOISE_C = 0.03;
    private static final double PRESSURE_NOISE_BAR = 0.02;
    private static final double SCALE_NOISE_G = 0.05;

    private final Line config;
    private final Process process;
    private final double density;
    private final SplittableRandom processNoise;
    private final SplittableRandom analyzerNoise;
    private final SplittableRandom faultNoise;

    private final Pump pumpA;
    private final Pump pumpB;
    private final FirstOrderLag jacket;
    private final FirstOrderLag reactorTemperature;
    private final FirstOrderLag backPressure;
    private final TubularReactor reactor;
    private final Kinetics kinetics;
    private final Analyzer analyzer;
    private final PlugFlowLine transfer;
    private final Diverter diverter = new Diverter();
    private final ProductAndWaste vessels;

    private double timeS;
    private double jacketSetpointC;
    private double backPressureSetpointBar;
    private double feedAMassG;
    private double feedBMassG;
    private double fouledFraction;
    private FaultEffects effects;
    private double tracerInlet;
    private String lotId = "";

    private final List<Fault> faults = new ArrayList<>();
    private final Map<String, Double> stuckValues = new HashMap<>();
    private final double[] reported = new double[LineSignal.values().length];
    private final double[] sourceTimes = new double[LineSignal.values().length];

    public SimulatedLine(Line config, long seed) {
        this.config = config;
        this.process = config.process();
        this.density = process.densityGPerMl();
        SplittableRandom root = new SplittableRandom(seed);
        this.processNoise = root.split();
        this.analyzerNoise = root.split();
        this.faultNoise = root.split();
        OperatingPoint nominal = process.nominal();
        this.pumpA = new Pump(process.pumpTimeConstantS(), nominal.pumpAFlowMlMin());
        this.pumpB = new Pump(process.pumpTimeConstantS(), nominal.pumpBFlowMlMin());
        this.jacketSetpointC = nominal.jacketTemperatureC();
        this.backPressureSetpointBar = nominal.backPressureBar();
        // Start-up: jacket pre-heated, pumps at setpoint, the whole line full of solvent.
        this.jacket = new FirstOrderLag(process.reactor().thermalTimeConstantS(), jacketSetpointC);
        this.reactorTemperature = new FirstOrderLag(REACTOR_THERMAL_LAG_S, jacketSetpointC);
        this.backPressure = new FirstOrderLag(BPR_TIME_CONSTANT_S, backPressureSetpointBar);
        this.reactor = new TubularReactor(process.reactor().volumeMl(), process.reactor().tanksInSeries());
        this.kinetics = new Kinetics(process.kinetics());
        this.analyzer = new Analyzer(process.analyzer());
        this.transfer = new PlugFlowLine(process.analyzerToDiverterVolumeMl());
        this.feedAMassG = process.feedA().initialMassG();
        this.feedBMassG = process.feedB().initialMassG();
        this.vessels = new ProductAndWaste(config.cqas(), density);
        this.effects = FaultEffects.at(faults, 0);
        measure(0);
    }

    @Override
    public String lineId() {
        return config.id();
    }

    @Override
    public Line config() {
        return config;
    }

    @Override
    public double timeSeconds() {
        return timeS;
    }

    @Override
    public void step(double dtS) {
        if (!(dtS > 0) || !Double.isFinite(dtS)) {
            throw new IllegalArgumentException("step must be > 0 s, got " + dtS);
        }
        effects = FaultEffects.at(faults, timeS);
        double flowA = pumpA.step(dtS, effects.p1Fraction(), feedAMassG > 0);
        double flowB = pumpB.step(dtS, effects.p2Fraction(), feedBMassG > 0);
        double flow = flowA + flowB;
        feedAMassG = Math.max(0, feedAMassG - flowA * dtS / 60 * density);
        feedBMassG = Math.max(0, feedBMassG - flowB * dtS / 60 * density);

        double jacketC = jacket.step(jacketSetpointC + effects.jacketOffsetC(), dtS);
        double reactorC = reactorTemperature.step(jacketC, dtS);
        fouledFraction = effects.fouledFraction();
        reactor.step(dtS, flow, mixerOutlet(flowA, flowB), tracerInlet, kinetics.mainRate(reactorC),
                kinetics.sideRate(reactorC), 1 - fouledFraction);

        Composition outlet = reactor.outlet();
        analyzer.step(dtS, timeS + dtS, outlet, effects.windowDepositAu(), effects.analyzerDroppedOut(), analyzerNoise);
        route(flow * dtS / 60, outlet, dtS);

        timeS += dtS;
        diverter.advanceTo(timeS);
        backPressure.step(backPressureSetpointBar, dtS);
        measure(dtS);
    }

    /** The T-mixer: the two feeds, diluted by each other's flow. */
    private Composition mixerOutlet(double flowA, double flowB) {
        double flow = flowA + flowB;
        if (flow <= 0) {
            return Composition.SOLVENT;
        }
        double a = process.feedA().concentrationMolL() * effects.feedAFactor() * flowA / flow;
        double b = process.feedB().concentrationMolL() * effects.feedBFactor() * flowB / flow;
        return new Composition(a, b, 0, 0);
    }

    /**
     * Sends what leaves the transfer line to the vessel the diverter points at, and books the ground truth. The
     * vessels' masses come from the volume alone (the same whatever the composition, so a fault on the chemistry
     * leaves the scales untouched to the last bit); the pieces' compositions only decide what was off-spec.
     */
    private void route(double volumeMl, Composition enteringTransfer, double dtS) {
        double beforeSwitchMl = volumeMl * diverter.fractionBeforeSwitch(timeS, dtS);
        Diverter.Position before = diverter.position();
        Diverter.Position after = diverter.commanded();
        vessels.receive(before, beforeSwitchMl);
        vessels.receive(after, volumeMl - beforeSwitchMl);
        double[] routed = {0};
        transfer.push(volumeMl, enteringTransfer, (composition, pieceMl) -> {
            double firstMl = Math.max(0, Math.min(pieceMl, beforeSwitchMl - routed[0]));
            vessels.judge(before, composition, firstMl);
            vessels.judge(after, composition, pieceMl - firstMl);
            routed[0] += pieceMl;
        });
    }

    /** Computes what every instrument reports after a step of {@code dtS} (0 at construction). */
    private void measure(double dtS) {
        double flowA = pumpA.flowMlMin();
        double flowB = pumpB.flowMlMin();
        double measuredFlowA = Math.max(0, flowA + FLOW_NOISE_ML_MIN * processNoise.nextGaussian());
        double measuredFlowB = Math.max(0, flowB + FLOW_NOISE_ML_MIN * processNoise.nextGaussian());
        double bpr = backPressure.value();
        double open = 1 - fouledFraction;
        double reactorPressure = bpr + process.reactor().pressureDropBarPerMlMin() * (flowA + flowB) / (open * open);
        set(LineSignal.FA_MASS, feedAMassG + SCALE_NOISE_G * processNoise.nextGaussian());
        set(LineSignal.FB_MASS, feedBMassG + SCALE_NOISE_G * processNoise.nextGaussian());
        set(LineSignal.P1_FLOW, measuredFlowA);
        set(LineSignal.P2_FLOW, measuredFlowB);
        set(LineSignal.P1_SPEED, pumpA.speedPct(effects.p1Stalled()));
        set(LineSignal.P2_SPEED, pumpB.speedPct(effects.p2Stalled()));
        set(LineSignal.P1_FLOW_SETPOINT, pumpA.setpointMlMin());
        set(LineSignal.P2_FLOW_SETPOINT, pumpB.setpointMlMin());
        set(LineSignal.P1_RUNNING, pumpA.running() ? 1 : 0);
        set(LineSignal.P2_RUNNING, pumpB.running() ? 1 : 0);
        set(LineSignal.R1_TEMPERATURE, reactorTemperature.value() + TEMPERATURE_NOISE_C * processNoise.nextGaussian());
        set(LineSignal.R1_JACKET_TEMPERATURE, jacket.value() + TEMPERATURE_NOISE_C * processNoise.nextGaussian());
        set(LineSignal.R1_JACKET_SETPOINT, jacketSetpointC);
        set(LineSignal.R1_PRESSURE, reactorPressure + PRESSURE_NOISE_BAR * processNoise.nextGaussian());
        set(LineSignal.BPR1_PRESSURE, bpr + PRESSURE_NOISE_BAR * processNoise.nextGaussian());
        set(LineSignal.BPR1_SETPOINT, backPressureSetpointBar);
        double measuredFlow = measuredFlowA + measuredFlowB;
        double activeVolume = reactor.volumeMl() * open;
        set(LineSignal.R1_RESIDENCE_TIME, measuredFlow > 1e-6
                ? Math.min(NO_FLOW_RESIDENCE_TIME_MIN, activeVolume / measuredFlow) : NO_FLOW_RESIDENCE_TIME_MIN);
        set(LineSignal.DV1_POSITION, diverter.position() == Diverter.Position.WASTE ? 1 : 0);
        set(LineSignal.DV1_COMMAND, diverter.commanded() == Diverter.Position.WASTE ? 1 : 0);
        set(LineSignal.PV_MASS, vessels.productG() + SCALE_NOISE_G * processNoise.nextGaussian());
        set(LineSignal.WV_MASS, vessels.wasteG() + SCALE_NOISE_G * processNoise.nextGaussian());

        boolean freshScan = analyzer.lastScanS() == timeS && timeS > 0;
        if (freshScan || dtS == 0) {
            Composition predicted = analyzer.lastScan().predicted();
            setAnalyzer(LineSignal.AT1_CONVERSION, predicted.conversionPct());
            setAnalyzer(LineSignal.AT1_PURITY, predicted.purityPct());
            setAnalyzer(LineSignal.AT1_IMPURITY, predicted.impurityPct());
            setAnalyzer(LineSignal.AT1_PRODUCT_CONCENTRATION, predicted.p());
            setAnalyzer(LineSignal.AT1_SPECTRUM, Double.NaN);
        }
        applyMeasurementFaults(dtS);
    }

    private void set(LineSignal s, double value) {
        reported[s.ordinal()] = value;
        sourceTimes[s.ordinal()] = timeS;
    }

    private void setAnalyzer(LineSignal s, double value) {
        reported[s.ordinal()] = value;
        sourceTimes[s.ordinal()] = analyzer.lastScanS();
    }

    private void applyMeasurementFaults(double dtS) {
        for (Fault f : faults) {
            boolean active = f.activeAt(timeS);
            if (f.type() == FaultType.STUCK_SENSOR) {
                if (!active) {
                    stuckValues.remove(f.id());
                    continue;
                }
                LineSignal s = LineSignal.byRef(f.target());
                double frozen = stuckValues.computeIfAbsent(f.id(), id -> reported[s.ordinal()]);
                reported[s.ordinal()] = frozen;
            } else if (f.type() == FaultType.SPIKES && active && dtS > 0) {
                LineSignal s = LineSignal.byRef(f.target());
                // A spike rides on a fresh reading only (an analyzer value is fresh once per scan).
                boolean fresh = sourceTimes[s.ordinal()] == timeS;
                if (fresh && faultNoise.nextDouble() < Math.min(1, dtS / SPIKE_MEAN_INTERVAL_S)) {
                    double sign = faultNoise.nextBoolean() ? 1 : -1;
                    reported[s.ordinal()] += sign * f.magnitude();
                }
            }
        }
    }

    @Override
    public double value(String signalRef) {
        return reported[known(signalRef).ordinal()];
    }

    @Override
    public Quality quality(String signalRef) {
        LineSignal s = known(signalRef);
        return s.fromAnalyzer() ? analyzer.quality() : Quality.GOOD;
    }

    @Override
    public double sourceTimeSeconds(String signalRef) {
        return sourceTimes[known(signalRef).ordinal()];
    }

    private static LineSignal known(String signalRef) {
        LineSignal s = LineSignal.byRef(signalRef);
        if (s == null) {
            throw new IllegalArgumentException("the simulated line has no signal '" + signalRef + "'");
        }
        return s;
    }

    @Override
    public double[] spectrum() {
        return analyzer.lastScan().spectrum().clone();
    }

    @Override
    public double[] wavelengthsNm() {
        return analyzer.wavelengthsNm();
    }

    @Override
    public void write(String signalRef, double value) throws SetpointRejectedException {
        Signal signal = config.signal(signalRef).orElseThrow(() -> new SetpointRejectedException(Reason.UNKNOWN_SIGNAL,
                "line " + lineId() + " has no signal '" + signalRef + "'"));
        if (!signal.kind().writable()) {
            throw new SetpointRejectedException(Reason.NOT_WRITABLE,
                    signalRef + " is a " + signal.kind() + " and cannot be written");
        }
        boolean inRange = Double.isFinite(value) && (signal.range() == null || signal.range().contains(value));
        boolean binary = value == 0 || value == 1;
        if (!inRange || (signal.kind() == SignalKind.COMMAND && !binary)) {
            throw new SetpointRejectedException(Reason.OUT_OF_RANGE, signalRef + " = " + value + " is outside "
                    + (signal.kind() == SignalKind.COMMAND ? "{0, 1}" : "[" + signal.range().min() + ", "
                    + signal.range().max() + "] " + signal.unit()));
        }
        LineSignal s = LineSignal.byRef(signalRef);
        if (s == null) {
            throw new SetpointRejectedException(Reason.UNKNOWN_SIGNAL, "the simulator does not model " + signalRef);
        }
        switch (s) {
            case P1_FLOW_SETPOINT -> pumpA.setSetpointMlMin(value);
            case P2_FLOW_SETPOINT -> pumpB.setSetpointMlMin(value);
            case P1_RUNNING -> pumpA.setRunning(value == 1);
            case P2_RUNNING -> pumpB.setRunning(value == 1);
            case R1_JACKET_SETPOINT -> jacketSetpointC = value;
            case BPR1_SETPOINT -> backPressureSetpointBar = value;
            case DV1_COMMAND -> diverter.command(value == 1 ? Diverter.Position.WASTE : Diverter.Position.PRODUCT, timeS);
            default -> throw new SetpointRejectedException(Reason.NOT_WRITABLE, signalRef + " cannot be written");
        }
        // The written value reads back at once; process values follow in the next steps.
        set(s, value);
    }

    @Override
    public void inject(Fault fault) {
        Fault resolved = FaultTargets.resolve(fault, ref -> LineSignal.byRef(ref) != null);
        if (faults.stream().anyMatch(f -> f.id().equals(resolved.id()))) {
            throw new IllegalArgumentException("line " + lineId() + " already has a fault '" + resolved.id() + "'");
        }
        faults.add(resolved);
        effects = FaultEffects.at(faults, timeS);
    }

    @Override
    public boolean clear(String faultId) {
        boolean removed = faults.removeIf(f -> f.id().equals(faultId));
        stuckValues.remove(faultId);
        effects = FaultEffects.at(faults, timeS);
        return removed;
    }

    @Override
    public void clearAll() {
        faults.clear();
        stuckValues.clear();
        effects = FaultEffects.at(faults, timeS);
    }

    @Override
    public List<Fault> activeFaults() {
        return faults.stream().filter(f -> f.activeAt(timeS)).toList();
    }

    /** Every injected fault, including those scheduled for later and those over. */
    public List<Fault> injectedFaults() {
        return List.copyOf(faults);
    }

    @Override
    public boolean communicationLost() {
        return FaultEffects.at(faults, timeS).communicationLost();
    }

    @Override
    public String lotId() {
        return lotId;
    }

    @Override
    public void setLotId(String lotId) {
        this.lotId = lotId == null ? "" : lotId;
    }

    @Override
    public GroundTruth groundTruth() {
        Composition atDiverter = transfer.atOutlet();
        return new GroundTruth(atDiverter.conversionPct(), atDiverter.purityPct(), atDiverter.impurityPct(),
                vessels.offSpec(atDiverter), vessels.offSpecToProductG(), vessels.inSpecToWasteG(),
                vessels.productG(), vessels.wasteG());
    }

    // ---- ground truth beyond the contract, for tests and the benchmark ----

    /** True composition leaving the reactor (entering the analyzer cell and the transfer line). */
    public Composition reactorOutlet() {
        return reactor.outlet();
    }

    /** True composition in each of the reactor's tanks, inlet to outlet. */
    public List<Composition> reactorProfile() {
        List<Composition> profile = new ArrayList<>(reactor.tanks());
        for (int n = 0; n < reactor.tanks(); n++) {
            profile.add(reactor.tank(n));
        }
        return profile;
    }

    /** True composition now in the analyzer's flow cell. */
    public Composition analyzerCell() {
        return analyzer.cell();
    }

    /** True composition now reaching the diverter. */
    public Composition atDiverter() {
        return transfer.atOutlet();
    }

    /** Feed consumed so far, g. */
    public double feedConsumedG() {
        return process.feedA().initialMassG() - feedAMassG + process.feedB().initialMassG() - feedBMassG;
    }

    /** Liquid held between the pumps and the diverter, g (constant: the line is always full). */
    public double holdupG() {
        return (reactor.volumeMl() + transfer.heldMl()) * density;
    }

    /** Concentration of the inert tracer dosed at the reactor inlet from now on (0 = none). */
    public void setTracerInlet(double concentration) {
        this.tracerInlet = concentration;
    }

    public double reactorOutletTracer() {
        return reactor.outletTracer();
    }

    /** True reactor temperature (without measurement noise), °C. */
    public double trueReactorTemperatureC() {
        return reactorTemperature.value();
    }

    /** True total flow through the reactor, mL/min. */
    public double trueFlowMlMin() {
        return pumpA.flowMlMin() + pumpB.flowMlMin();
    }
}
