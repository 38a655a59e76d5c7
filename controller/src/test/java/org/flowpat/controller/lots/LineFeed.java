package org.flowpat.controller.lots;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.flowpat.config.ConfigException;
import org.flowpat.config.Plants;
import org.flowpat.config.model.Line;
import org.flowpat.config.model.LotSettings;
import org.flowpat.config.model.QualitySettings;
import org.flowpat.config.model.ReleaseRules;
import org.flowpat.controller.api.DiversionCommand;
import org.flowpat.controller.api.DiverterPosition;
import org.flowpat.controller.api.LineState;
import org.flowpat.controller.api.LineStateChange;
import org.flowpat.controller.api.LotRecord;
import org.flowpat.controller.api.LotStatus;
import org.flowpat.controller.api.Quality;
import org.flowpat.controller.api.Sample;
import org.flowpat.controller.api.SpcPhase;
import org.flowpat.controller.api.SpcResult;

/**
 * A constructed, noise-free line L1 (the bundled plant's) feeding a {@link LotTracker} second by second, as the
 * event bus would: both pumps at 1.5 mL/min (so 1.35 g/min from each feed vessel and 2.7 g/min into the vessel the
 * diverter points at, density 0.9), and every {@link #SCAN_S} seconds one SPC result per CQA. Time starts at
 * {@link #T0}; the start-up diversion has ended there.
 */
final class LineFeed {
    static final long T0 = 1_790_000_000_000_000_000L;
    static final long S = 1_000_000_000L;
    static final int SCAN_S = 5;
    static final double FEED_G_PER_S = 1.35 / 60;
    static final double OUT_G_PER_S = 2.7 / 60;
    /** Analyzer-to-diverter: 1.5 mL at 3 mL/min. */
    static final long TRANSIT_S = 30;
    static final long SETTLE_NANOS = 2 * S;

    final Line line;
    final LotTracker tracker;
    final List<LotRecord> records = new ArrayList<>();
    long now = T0;
    double fa = 8000;
    double fb = 8000;
    double pv = 100;
    double wv = 50;
    DiverterPosition diverter = DiverterPosition.PRODUCT;
    boolean analyzerOn = true;
    Quality analyzerQuality = Quality.GOOD;
    /** The value each CQA reports at a given second since T0. */
    BiFunction<String, Long, Double> values = (cqa, second) -> nominal(cqa) + (second / SCAN_S % 2 == 0 ? 0.1 : -0.1);
    /** Signal bits of the EWMA chart at a given second (none by default). */
    BiFunction<String, Long, Integer> ewmaSignals = (cqa, second) -> 0;

    LineFeed(LotSettings lots, ReleaseRules release) throws ConfigException {
        this.line = line(lots, release);
        this.tracker = new LotTracker(line, records::add, SETTLE_NANOS);
        tracker.onDiversion(new DiversionCommand("L1", DiverterPosition.PRODUCT, "startup", T0 - 600 * S, T0, 27, 0));
    }

    static Line line(LotSettings lots, ReleaseRules release) throws ConfigException {
        Line l = Plants.bundled().line("L1");
        QualitySettings q = l.quality();
        return new Line(l.id(), l.name(), l.opcua(), l.plc(), l.process(), l.units(), l.cqas(),
                new QualitySettings(q.charts(), q.alarms(), q.loops(), q.interlocks(), q.diversion(), lots, release,
                        null, null, null));
    }

    static LotSettings timeLots(double minutes) {
        return new LotSettings(org.flowpat.config.model.LotBasis.TIME, minutes, "LOT", null, null, null);
    }

    static double nominal(String cqa) {
        return switch (cqa) {
            case "conversion" -> 99.5;
            case "purity" -> 98.8;
            default -> 0.7;
        };
    }

    void state(LineState from, LineState to) {
        tracker.onLineState(new LineStateChange("L1", from, to, to.name(), "operator", now, ""));
    }

    void divert(String trigger) {
        diverter = DiverterPosition.WASTE;
        tracker.onDiversion(new DiversionCommand("L1", DiverterPosition.WASTE, trigger, now, Long.MAX_VALUE, 0, 0));
    }

    void product(String trigger, long fromNanos) {
        diverter = DiverterPosition.PRODUCT;
        tracker.onDiversion(new DiversionCommand("L1", DiverterPosition.PRODUCT, trigger, fromNanos, now,
                (now - fromNanos) / (double) S * OUT_G_PER_S, 0));
    }

    /** Runs {@code seconds} of data, one second at a time; an analyzer scan at every multiple of the scan interval. */
    void run(long seconds) {
        for (long k = 0; k < seconds; k++) {
            long second = (now - T0) / S;
            if (analyzerOn && second % SCAN_S == 0) {
                for (var cqa : line.cqas()) {
                    tracker.onSpc(spc(cqa.id(), cqa.signal(), now, values.apply(cqa.id(), second), analyzerQuality,
                            ewmaSignals.apply(cqa.id(), second)));
                }
            }
            now += S;
            fa -= FEED_G_PER_S;
            fb -= FEED_G_PER_S;
            if (diverter == DiverterPosition.PRODUCT) {
                pv += OUT_G_PER_S;
            } else {
                wv += OUT_G_PER_S;
            }
            tracker.onSamples(List.of(sample("FA.mass", fa), sample("FB.mass", fb), sample("PV.mass", pv),
                    sample("WV.mass", wv), sample("P1.flow", 1.5), sample("P2.flow", 1.5)));
        }
    }

    private Sample sample(String signal, double value) {
        return new Sample("L1", signal, value, now, now, Quality.GOOD_CODE);
    }

    static SpcResult spc(String cqa, String signal, long t, double value, Quality quality, int ewmaBits) {
        boolean ok = quality == Quality.GOOD && Double.isFinite(value);
        return new SpcResult("L1", cqa, signal, t, value, quality, ok, SpcPhase.MONITORING, nominal(cqa), 0.1, 0, 0.1, 0,
                value, Double.NaN, Double.NaN, ewmaBits, 0, 0, 0, true, ok);
    }

    List<LotRecord> closed() {
        return records.stream().filter(r -> r.status() == LotStatus.CLOSED).toList();
    }

    List<LotRecord> opened() {
        return records.stream().filter(r -> r.status() == LotStatus.OPEN).toList();
    }
}
