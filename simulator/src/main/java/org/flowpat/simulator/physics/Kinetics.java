package org.flowpat.simulator.physics;

import org.flowpat.config.model.ArrheniusRate;
import org.flowpat.config.model.KineticsParameters;

/** Second-order rate constants of A + B → P and P + B → I at a temperature, from their Arrhenius parameters. */
public final class Kinetics {
    private static final double GAS_CONSTANT_J_MOL_K = 8.314462618;
    private static final double KELVIN_OFFSET = 273.15;

    private final ArrheniusRate main;
    private final ArrheniusRate side;
    private double cachedTemperatureC = Double.NaN;
    private double cachedMain;
    private double cachedSide;

    public Kinetics(KineticsParameters parameters) {
        this.main = parameters.main();
        this.side = parameters.side();
    }

    /** k of A + B → P in L/(mol·s). */
    public double mainRate(double temperatureC) {
        refresh(temperatureC);
        return cachedMain;
    }

    /** k of P + B → I in L/(mol·s). */
    public double sideRate(double temperatureC) {
        refresh(temperatureC);
        return cachedSide;
    }

    public static double arrhenius(ArrheniusRate rate, double temperatureC) {
        return rate.preExponential()
                * Math.exp(-rate.activationEnergyKJMol() * 1000 / (GAS_CONSTANT_J_MOL_K * (temperatureC + KELVIN_OFFSET)));
    }

    // exp() twice per substep is the largest cost of a step; the temperature changes slowly, so cache it.
    private void refresh(double temperatureC) {
        if (temperatureC != cachedTemperatureC) {
            cachedTemperatureC = temperatureC;
            cachedMain = arrhenius(main, temperatureC);
            cachedSide = arrhenius(side, temperatureC);
        }
    }
}
