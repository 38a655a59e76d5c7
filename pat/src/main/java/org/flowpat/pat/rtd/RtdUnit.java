package org.flowpat.pat.rtd;

import java.util.ArrayList;
import java.util.List;

/**
 * A unit of the flow line described by its volume and RTD shape; its distribution follows the
 * current flow (τ = V/Q), so call {@link #atFlow(double)} again when the flow changes.
 *
 * @param volume    hold-up volume V (e.g. mL)
 * @param model     the RTD shape
 * @param parameter N for tanks in series, Pe for axial dispersion
 */
public record RtdUnit(double volume, Model model, double parameter) {

    /** RTD shapes. */
    public enum Model {
        /** {@link TanksInSeries}, parameter N. */
        TANKS_IN_SERIES,
        /** {@link AxialDispersion} with open-open boundaries, parameter Pe. */
        AXIAL_DISPERSION_OPEN_OPEN
    }

    public RtdUnit {
        if (!(volume > 0) || !Double.isFinite(volume)) {
            throw new IllegalArgumentException("RTD unit: volume must be positive, got " + volume);
        }
        if (model == null) {
            throw new IllegalArgumentException("RTD unit: model is required");
        }
        if (!(parameter > 0) || !Double.isFinite(parameter)) {
            throw new IllegalArgumentException("RTD unit: " + (model == Model.TANKS_IN_SERIES ? "N" : "Pe")
                    + " must be positive, got " + parameter);
        }
    }

    public static RtdUnit tanksInSeries(double volume, double tanks) {
        return new RtdUnit(volume, Model.TANKS_IN_SERIES, tanks);
    }

    public static RtdUnit axialDispersion(double volume, double peclet) {
        return new RtdUnit(volume, Model.AXIAL_DISPERSION_OPEN_OPEN, peclet);
    }

    /** The RTD at volumetric flow Q (same volume unit per time unit): τ = V/Q. */
    public ResidenceTimeDistribution atFlow(double flow) {
        if (!(flow > 0) || !Double.isFinite(flow)) {
            throw new IllegalArgumentException("RTD unit: flow must be positive, got " + flow);
        }
        double tau = volume / flow;
        return switch (model) {
            case TANKS_IN_SERIES -> new TanksInSeries(tau, parameter);
            case AXIAL_DISPERSION_OPEN_OPEN -> new AxialDispersion(tau, parameter);
        };
    }

    /** Units in series at one flow, sampled at {@code step}: the line's overall RTD. */
    public static SampledRtd line(List<RtdUnit> units, double flow, double step) {
        List<ResidenceTimeDistribution> rtds = new ArrayList<>(units.size());
        for (RtdUnit unit : units) {
            rtds.add(unit.atFlow(flow));
        }
        return SampledRtd.series(step, rtds);
    }
}
