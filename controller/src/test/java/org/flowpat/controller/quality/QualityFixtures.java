package org.flowpat.controller.quality;

import java.util.List;
import org.flowpat.config.ConfigException;
import org.flowpat.config.Plants;
import org.flowpat.config.model.AlarmDefinition;
import org.flowpat.config.model.ChartSettings;
import org.flowpat.config.model.Line;
import org.flowpat.config.model.QualitySettings;
import org.flowpat.controller.api.Quality;
import org.flowpat.controller.api.Sample;

/** The bundled line with other quality settings, and samples for it. */
public final class QualityFixtures {
    public static final long SECOND = 1_000_000_000L;

    private QualityFixtures() {
    }

    public static Line bundledLine() {
        try {
            return Plants.bundled().line("L1");
        } catch (ConfigException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Line withQuality(List<ChartSettings> charts, List<AlarmDefinition> alarms) {
        Line l = bundledLine();
        QualitySettings q = new QualitySettings(charts, alarms, null, null, null);
        return new Line(l.id(), l.name(), l.opcua(), l.plc(), l.process(), l.units(), l.cqas(), q);
    }

    public static Sample sample(String signal, double value, Quality quality, long timeNanos) {
        long code = quality == Quality.GOOD ? Quality.GOOD_CODE
                : quality == Quality.UNCERTAIN ? Quality.UNCERTAIN_CODE : Quality.BAD_CODE;
        return new Sample("L1", signal, value, timeNanos, timeNanos, code);
    }

    public static Sample good(String signal, double value, long timeNanos) {
        return sample(signal, value, Quality.GOOD, timeNanos);
    }
}
