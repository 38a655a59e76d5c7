package org.flowpat.hmi.api;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.flowpat.controller.api.MultivariateResult;
import org.flowpat.controller.api.PatPrediction;
import org.flowpat.controller.api.SpcResult;

/**
 * One SPC result as the control-chart page draws it, the same for the history back-fill and the live feed: time
 * in epoch ms, the individuals limits worked out (center ± 3 sigma), non-finite figures as null, and the signals by
 * name ({@code i:we1}, {@code ewma:above}, ...). Multivariate results and PLS predictions likewise.
 */
public final class SpcJson {
    private SpcJson() {
    }

    public static JsonObject of(SpcResult r) {
        boolean charted = Double.isFinite(r.center()) && Double.isFinite(r.sigma());
        return new JsonObject().put("line", r.line()).put("cqa", r.cqa()).put("time", r.timeNanos() / 1_000_000)
                .put("value", finite(r.value())).put("quality", r.quality() == null ? null : r.quality().name())
                .put("included", r.included()).put("phase", r.phase() == null ? null : r.phase().name())
                .put("center", finite(r.center())).put("sigma", finite(r.sigma()))
                .put("ucl", charted ? r.center() + 3 * r.sigma() : null)
                .put("lcl", charted ? r.center() - 3 * r.sigma() : null)
                .put("ewma", finite(r.ewma())).put("ewmaUcl", finite(r.ewmaUcl())).put("ewmaLcl", finite(r.ewmaLcl()))
                .put("cusumUpper", finite(r.cusumUpper())).put("cusumLower", finite(r.cusumLower()))
                .put("signals", new JsonArray(r.signalNames())).put("inSpec", r.inSpec());
    }

    /** A multivariate result: time in epoch ms, T² and SPE with their limits, contributions largest first. */
    public static JsonObject of(MultivariateResult r) {
        JsonArray contributions = new JsonArray();
        for (MultivariateResult.Contribution c : r.contributions()) {
            contributions.add(new JsonObject().put("variable", c.variable()).put("t2", finite(c.t2()))
                    .put("spe", finite(c.spe())).put("share", finite(c.share())));
        }
        return new JsonObject().put("line", r.line()).put("time", r.timeNanos() / 1_000_000)
                .put("phase", r.phase() == null ? null : r.phase().name()).put("t2", finite(r.t2()))
                .put("t2Limit", finite(r.t2Limit())).put("spe", finite(r.spe())).put("speLimit", finite(r.speLimit()))
                .put("t2Signal", r.t2Signal()).put("speSignal", r.speSignal()).put("contributions", contributions)
                .put("observations", r.observations()).put("skipped", r.skipped());
    }

    /** A PLS prediction: time in epoch ms, concentrations and CQAs by name, T² and Q against their limits. */
    public static JsonObject of(PatPrediction p) {
        JsonObject concentrations = new JsonObject();
        p.concentrations().forEach((k, v) -> concentrations.put(k, finite(v)));
        JsonObject cqas = new JsonObject();
        p.cqas().forEach((k, v) -> cqas.put(k, finite(v)));
        return new JsonObject().put("line", p.line()).put("spectrum", p.spectrum()).put("time", p.sourceTimeNanos() / 1_000_000)
                .put("quality", p.quality() == null ? null : p.quality().name()).put("concentrations", concentrations)
                .put("cqas", cqas).put("t2", finite(p.t2())).put("t2Limit", finite(p.t2Limit())).put("q", finite(p.q()))
                .put("qLimit", finite(p.qLimit())).put("outsideModel", p.outsideModel());
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
