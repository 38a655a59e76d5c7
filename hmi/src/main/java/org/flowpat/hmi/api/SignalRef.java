package org.flowpat.hmi.api;

import org.flowpat.config.model.Line;
import org.flowpat.config.model.Plant;
import org.flowpat.config.model.Signal;

/** A signal named across the plant as {@code LINE/UNIT.signal}, e.g. {@code L1/R1.temperature}, resolved against the plant. */
public record SignalRef(String line, String signal, Signal definition) {

    public String key() {
        return key(line, signal);
    }

    public static String key(String line, String signal) {
        return line + "/" + signal;
    }

    /** @throws ApiException 400 naming {@code field} when the text is malformed or names no signal of the plant */
    public static SignalRef parse(Plant plant, String text, String field) {
        int slash = text == null ? -1 : text.indexOf('/');
        if (slash <= 0 || text.indexOf('.', slash) < 0) {
            throw ApiException.badField(field, "'" + text + "' is not LINE/UNIT.signal, e.g. L1/R1.temperature");
        }
        return resolve(plant, text.substring(0, slash), text.substring(slash + 1), field);
    }

    public static SignalRef resolve(Plant plant, String lineId, String signal, String field) {
        Line line = plant.lines().stream().filter(l -> l.id().equals(lineId)).findFirst()
                .orElseThrow(() -> ApiException.badField(field, "no line '" + lineId + "' in the plant"));
        Signal s = line.signal(signal)
                .orElseThrow(() -> ApiException.badField(field, "no signal '" + signal + "' on line " + lineId));
        return new SignalRef(lineId, signal, s);
    }
}
