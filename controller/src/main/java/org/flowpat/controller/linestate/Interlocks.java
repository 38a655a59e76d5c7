package org.flowpat.controller.linestate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.flowpat.config.model.InterlockSettings;
import org.flowpat.controller.api.Quality;
import org.flowpat.controller.api.Sample;

/**
 * Evaluates a line's interlocks on samples and reports each one's trips and resets (edges only, so a held
 * condition trips once). A Bad sample trips only {@code onBad} interlocks; it leaves the limit conditions as they
 * were. Not thread-safe.
 */
public final class Interlocks {
    /** An interlock changed: tripped (true) or cleared (false). */
    public record Trip(InterlockSettings interlock, boolean tripped, double value, long timeNanos) {
        public String reason() {
            InterlockSettings i = interlock;
            return i.signal() + (tripped ? " = " + value + (i.onBad() && Double.isNaN(value) ? " (Bad)" : "")
                    : " back to normal");
        }
    }

    private final Map<String, List<InterlockSettings>> bySignal = new HashMap<>();
    private final Map<String, Boolean> tripped = new HashMap<>();

    public Interlocks(List<InterlockSettings> interlocks) {
        for (InterlockSettings i : interlocks) {
            bySignal.computeIfAbsent(i.signal(), s -> new ArrayList<>()).add(i);
            tripped.put(i.id(), false);
        }
    }

    public List<Trip> onSample(Sample s) {
        List<InterlockSettings> watching = bySignal.get(s.signal());
        if (watching == null) {
            return List.of();
        }
        List<Trip> trips = new ArrayList<>(1);
        boolean bad = s.quality() == Quality.BAD;
        for (InterlockSettings i : watching) {
            boolean was = tripped.get(i.id());
            boolean now;
            if (bad || !Double.isFinite(s.value())) {
                now = i.onBad() || (was && (i.above() != null || i.below() != null));
            } else {
                now = (i.above() != null && s.value() > i.above()) || (i.below() != null && s.value() < i.below());
            }
            if (now != was) {
                tripped.put(i.id(), now);
                trips.add(new Trip(i, now, bad ? Double.NaN : s.value(), s.sourceTimeNanos()));
            }
        }
        return trips;
    }

    public boolean tripped(String interlockId) {
        return Boolean.TRUE.equals(tripped.get(interlockId));
    }
}
