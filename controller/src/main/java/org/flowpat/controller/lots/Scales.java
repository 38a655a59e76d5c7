package org.flowpat.controller.lots;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.flowpat.config.model.Line;
import org.flowpat.config.model.LotSettings;
import org.flowpat.controller.api.Sample;

/**
 * A line's material balance from its scales ({@link LotSettings}: the product and waste vessels and the feed
 * vessels): the latest usable reading of each, and the masses moved between two sets of readings. Not thread-safe.
 */
final class Scales {
    private final LotSettings settings;
    private final Set<String> signals;
    private final Map<String, Double> latest = new HashMap<>();

    Scales(Line line) {
        this.settings = line.quality().lots();
        List<String> sizedBy = switch (settings.by()) {
            case TIME -> List.of();
            case MASS -> List.of(settings.productMassSignal());
            case INPUT -> settings.inputMassSignals();
        };
        for (String ref : sizedBy) {
            if (line.signal(ref).isEmpty()) {
                throw new IllegalArgumentException("line " + line.id() + ": " + settings.by() + " lots are measured on '"
                        + ref + "', which the line does not have (quality.lots)");
            }
        }
        List<String> refs = new ArrayList<>(settings.inputMassSignals());
        refs.add(settings.productMassSignal());
        refs.add(settings.wasteMassSignal());
        this.signals = Set.copyOf(refs);
    }

    /** Takes a usable reading of a scale; returns whether the sample was one. */
    boolean accept(Sample s) {
        if (s.usable() && signals.contains(s.signal())) {
            latest.put(s.signal(), s.value());
            return true;
        }
        return false;
    }

    /** The latest readings (a copy). */
    Map<String, Double> readings() {
        return new HashMap<>(latest);
    }

    /** Product collected between two sets of readings, g (NaN when a reading is missing). */
    double product(Map<String, Double> from, Map<String, Double> to) {
        return moved(difference(from, to, settings.productMassSignal()));
    }

    /** Material sent to waste between two sets of readings, g. */
    double waste(Map<String, Double> from, Map<String, Double> to) {
        return moved(difference(from, to, settings.wasteMassSignal()));
    }

    /** Reagent fed between two sets of readings: the fall of the feed vessels' scales, g. */
    double input(Map<String, Double> from, Map<String, Double> to) {
        double total = 0;
        for (String ref : settings.inputMassSignals()) {
            total -= difference(from, to, ref);
        }
        return moved(total);
    }

    private static double difference(Map<String, Double> from, Map<String, Double> to, String ref) {
        Double a = from.get(ref);
        Double b = to.get(ref);
        return a == null || b == null ? Double.NaN : b - a;
    }

    /** A mass moved, never below zero: two readings of a scale that saw nothing differ by its noise, either way. */
    private static double moved(double grams) {
        return Double.isNaN(grams) ? grams : Math.max(0, grams);
    }
}
