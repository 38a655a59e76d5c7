package org.flowpat.simulator.modbus;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.flowpat.config.model.Line;
import org.flowpat.config.model.Signal;
import org.flowpat.config.model.Unit;

/** Where each of a line's PLC tags sits on the wire, per Modbus area, built from the plant file's plcTags. */
public final class RegisterMap {
    /** One mapped signal. */
    public record Entry(String ref, Signal signal, PlcTag tag) {
        boolean writable() {
            return signal.kind().writable()
                    && (tag.area() == PlcTag.Area.COIL || tag.area() == PlcTag.Area.HOLDING_REGISTER);
        }
    }

    private final Map<PlcTag.Area, TreeMap<Integer, Entry>> byArea = new EnumMap<>(PlcTag.Area.class);

    private RegisterMap() {
        for (PlcTag.Area area : PlcTag.Area.values()) {
            byArea.put(area, new TreeMap<>());
        }
    }

    /** Builds the map of {@code line}; errors name the signal and say what overlaps. */
    public static RegisterMap of(Line line) {
        RegisterMap map = new RegisterMap();
        for (Unit unit : line.units()) {
            for (Signal signal : unit.signals()) {
                if (signal.plcTag() == null) {
                    continue;
                }
                String ref = unit.id() + "." + signal.id();
                String where = "line " + line.id() + " signal " + ref;
                Entry entry = new Entry(ref, signal, PlcTag.parse(signal.plcTag(), where));
                if ((entry.tag().area() == PlcTag.Area.COIL || entry.tag().area() == PlcTag.Area.HOLDING_REGISTER)
                        && !signal.kind().writable()) {
                    throw new IllegalArgumentException(where + ": plcTag " + signal.plcTag() + " is writable by a PLC"
                            + " client but the signal is a " + signal.kind() + "; use an input-register or discrete-input");
                }
                map.add(entry, where);
            }
        }
        return map;
    }

    private void add(Entry entry, String where) {
        TreeMap<Integer, Entry> area = byArea.get(entry.tag().area());
        int first = entry.tag().wireAddress();
        int last = first + entry.tag().size() - 1;
        Map.Entry<Integer, Entry> below = area.floorEntry(last);
        if (below != null && below.getKey() + below.getValue().tag().size() - 1 >= first) {
            throw new IllegalArgumentException(where + ": plcTag " + entry.signal().plcTag() + " overlaps "
                    + below.getValue().ref() + " (" + below.getValue().signal().plcTag() + ")");
        }
        area.put(first, entry);
    }

    /** The entry occupying wire address {@code wireAddress} of {@code area}, or null. */
    public Entry at(PlcTag.Area area, int wireAddress) {
        Map.Entry<Integer, Entry> below = byArea.get(area).floorEntry(wireAddress);
        if (below == null || below.getKey() + below.getValue().tag().size() <= wireAddress) {
            return null;
        }
        return below.getValue();
    }

    /** One past the highest mapped wire address of {@code area} (0 when nothing is mapped there). */
    public int end(PlcTag.Area area) {
        TreeMap<Integer, Entry> entries = byArea.get(area);
        return entries.isEmpty() ? 0 : entries.lastKey() + entries.lastEntry().getValue().tag().size();
    }

    /** Every mapped signal in address order per area (for documentation and tests). */
    public List<Entry> entries() {
        List<Entry> all = new ArrayList<>();
        byArea.values().forEach(m -> all.addAll(m.values()));
        return all;
    }
}
