package org.flowpat.controller.quality;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.flowpat.config.model.Cqa;
import org.flowpat.config.model.Line;
import org.flowpat.controller.api.Sample;
import org.flowpat.controller.api.SpcResult;

/**
 * The CQA monitoring of one line: routes each sample of a CQA signal through that CQA's charts. Samples of other
 * signals are ignored. Not thread-safe.
 */
public final class CqaMonitor {
    private final String line;
    private final List<CqaChart> charts = new ArrayList<>();
    private final Map<String, List<CqaChart>> bySignal = new HashMap<>();
    private final Map<String, SpcResult> latest = new HashMap<>();

    public CqaMonitor(Line line) {
        this.line = line.id();
        for (Cqa cqa : line.cqas()) {
            CqaChart chart = new CqaChart(line.id(), cqa, line.quality().chartsFor(cqa.id()));
            charts.add(chart);
            bySignal.computeIfAbsent(cqa.signal(), s -> new ArrayList<>(1)).add(chart);
        }
    }

    public String line() {
        return line;
    }

    /** The results for this sample: one per CQA measured by its signal, none for other signals or lines. */
    public List<SpcResult> accept(Sample sample) {
        List<CqaChart> targets = line.equals(sample.line()) ? bySignal.get(sample.signal()) : null;
        if (targets == null) {
            return List.of();
        }
        List<SpcResult> out = new ArrayList<>(targets.size());
        for (CqaChart chart : targets) {
            SpcResult r = chart.update(sample.value(), sample.quality(), sample.sourceTimeNanos());
            latest.put(chart.cqaId(), r);
            out.add(r);
        }
        return out;
    }

    /** Every CQA's latest sample was known good (false until each has reported). */
    public boolean allKnownGood() {
        if (latest.size() < charts.size()) {
            return false;
        }
        for (SpcResult r : latest.values()) {
            if (!r.knownGood()) {
                return false;
            }
        }
        return true;
    }

    /** Ids of the CQAs whose latest sample was not known good (or that have not reported yet), in plant-file order. */
    public List<String> notKnownGood() {
        List<String> out = new ArrayList<>();
        for (CqaChart c : charts) {
            SpcResult r = latest.get(c.cqaId());
            if (r == null || !r.knownGood()) {
                out.add(c.cqaId());
            }
        }
        return out;
    }

    public List<CqaChart> charts() {
        return List.copyOf(charts);
    }

    public CqaChart chart(String cqaId) {
        return charts.stream().filter(c -> c.cqaId().equals(cqaId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("line " + line + " has no CQA '" + cqaId + "'"));
    }

    /** Restarts phase I of every chart (e.g. after a product change or a new start-up). */
    public void restartReference() {
        charts.forEach(CqaChart::restartReference);
    }
}
