package org.flowpat.config.model;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.flowpat.config.validation.Validatable;
import org.flowpat.config.validation.Validation;

/**
 * The real-time quality control of a line: control charts per CQA, alarms, PID loops, interlocks and diversion.
 * Every part is optional; a CQA without chart settings gets the defaults of {@link ChartSettings}.
 */
public record QualitySettings(List<ChartSettings> charts, List<AlarmDefinition> alarms, List<LoopSettings> loops,
                              List<InterlockSettings> interlocks, DiversionSettings diversion, LotSettings lots,
                              ReleaseRules release, MultivariateSettings multivariate,
                              ChemometricsSettings chemometrics, List<SupervisorySettings> supervisory)
        implements Validatable {
    public QualitySettings {
        lots = lots == null ? LotSettings.defaults() : lots;
        release = release == null ? ReleaseRules.defaults() : release;
        supervisory = supervisory == null ? List.of() : List.copyOf(supervisory);
        charts = charts == null ? List.of() : List.copyOf(charts);
        alarms = alarms == null ? List.of() : List.copyOf(alarms);
        loops = loops == null ? List.of() : List.copyOf(loops);
        interlocks = interlocks == null ? List.of() : List.copyOf(interlocks);
        diversion = diversion == null ? DiversionSettings.defaults() : diversion;
    }

    public static QualitySettings defaults() {
        return new QualitySettings(null, null, null, null, null, null, null, null, null, null);
    }

    /** The settings before lots, release rules, multivariate monitoring, chemometrics and supervisory loops existed. */
    public QualitySettings(List<ChartSettings> charts, List<AlarmDefinition> alarms, List<LoopSettings> loops,
                           List<InterlockSettings> interlocks, DiversionSettings diversion) {
        this(charts, alarms, loops, interlocks, diversion, null, null, null, null, null);
    }

    /** These settings with other lot settings. */
    public QualitySettings withLots(LotSettings lots) {
        return new QualitySettings(charts, alarms, loops, interlocks, diversion, lots, release, multivariate,
                chemometrics, supervisory);
    }

    /** The chart settings of a CQA, or the defaults. */
    public ChartSettings chartsFor(String cqaId) {
        return charts.stream().filter(c -> cqaId.equals(c.cqa())).findFirst()
                .orElseGet(() -> new ChartSettings(cqaId, null, null, null, null, null, null, null, null, null, null));
    }

    @Override
    public void validate(Validation v) {
        v.unique("charts", charts, ChartSettings::cqa, "cqa");
        v.each("charts", charts);
        v.unique("alarms", alarms, AlarmDefinition::id, "id");
        v.each("alarms", alarms);
        v.unique("loops", loops, LoopSettings::id, "id");
        v.each("loops", loops);
        v.unique("interlocks", interlocks, InterlockSettings::id, "id");
        v.each("interlocks", interlocks);
        v.child("diversion", diversion);
        v.child("lots", lots);
        v.child("release", release);
        if (multivariate != null) {
            v.child("multivariate", multivariate);
        }
        if (chemometrics != null) {
            v.child("chemometrics", chemometrics);
        }
        v.unique("supervisory", supervisory, SupervisorySettings::id, "id");
        v.each("supervisory", supervisory);
        Set<String> alarmIds = alarms.stream().map(AlarmDefinition::id).collect(Collectors.toSet());
        for (int i = 0; i < diversion.upstreamAlarms().size(); i++) {
            String id = diversion.upstreamAlarms().get(i);
            v.check(alarmIds.contains(id), "diversion.upstreamAlarms[" + i + "]", "no alarm '" + id + "' in quality.alarms");
        }
    }

    /** Every signal and CQA named here exists in {@code line}. Reported under this record's path. */
    public void validateReferences(Validation v, Line line) {
        Set<String> cqaIds = line.cqas().stream().map(Cqa::id).collect(Collectors.toSet());
        for (int i = 0; i < charts.size(); i++) {
            String cqa = charts.get(i).cqa();
            v.check(cqa == null || cqaIds.contains(cqa), "charts[" + i + "].cqa", "no CQA '" + cqa + "' in this line");
        }
        for (int i = 0; i < alarms.size(); i++) {
            AlarmDefinition a = alarms.get(i);
            signal(v, line, "alarms[" + i + "].signal", a.signal());
            signal(v, line, "alarms[" + i + "].setpointSignal", a.setpointSignal());
            v.check(a.cqa() == null || cqaIds.contains(a.cqa()), "alarms[" + i + "].cqa", "no CQA '" + a.cqa() + "' in this line");
        }
        for (int i = 0; i < loops.size(); i++) {
            LoopSettings loop = loops.get(i);
            signal(v, line, "loops[" + i + "].pv", loop.pv());
            signal(v, line, "loops[" + i + "].output", loop.output());
            Signal out = loop.output() == null ? null : line.signal(loop.output()).orElse(null);
            v.check(out == null || out.kind().writable(), "loops[" + i + "].output",
                    loop.output() + " is a " + (out == null ? "" : out.kind()) + " signal and cannot be written");
        }
        for (int i = 0; i < interlocks.size(); i++) {
            signal(v, line, "interlocks[" + i + "].signal", interlocks.get(i).signal());
        }
        lots.validateReferences(v, line);
        if (multivariate != null) {
            multivariate.validateReferences(v, line);
        }
        if (chemometrics != null) {
            chemometrics.validateReferences(v, line);
        }
        for (int i = 0; i < supervisory.size(); i++) {
            supervisory.get(i).validateReferences(v, line, "supervisory[" + i + "]");
        }
    }

    private static void signal(Validation v, Line line, String key, String ref) {
        if (ref != null && line.signal(ref).isEmpty()) {
            v.error(key, "no signal '" + ref + "' in this line (expected UNIT.signal)");
        }
    }
}
