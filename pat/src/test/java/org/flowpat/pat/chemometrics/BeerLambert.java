package org.flowpat.pat.chemometrics;

import java.util.Random;

/** Synthetic absorbance spectra: Gaussian bands of pure components, a sloped baseline and noise. */
final class BeerLambert {
    static final int WAVELENGTHS = 200;
    /** Band centres and widths (in points) of the three known components and of an unknown one. */
    private static final double[][] BANDS = {{50, 12}, {95, 18}, {140, 10}, {118, 8}};
    private static final double[] ABSORPTIVITY = {1.0, 0.7, 1.3, 1.0};

    final double[][] spectra;
    final double[][] concentrations;

    private BeerLambert(double[][] spectra, double[][] concentrations) {
        this.spectra = spectra;
        this.concentrations = concentrations;
    }

    static double band(int component, int wavelength) {
        double z = (wavelength - BANDS[component][0]) / BANDS[component][1];
        return ABSORPTIVITY[component] * Math.exp(-0.5 * z * z);
    }

    /** n spectra with concentrations uniform in [0.1, 1.0]. */
    static BeerLambert generate(Random random, int n, double noise) {
        double[][] c = new double[n][3];
        for (double[] row : c) {
            for (int k = 0; k < 3; k++) {
                row[k] = 0.1 + 0.9 * random.nextDouble();
            }
        }
        double[][] s = new double[n][];
        for (int i = 0; i < n; i++) {
            s[i] = spectrum(random, c[i], 0, noise);
        }
        return new BeerLambert(s, c);
    }

    /** One spectrum of the given concentrations plus {@code unknown} of a fourth, uncalibrated component. */
    static double[] spectrum(Random random, double[] c, double unknown, double noise) {
        double offset = 0.05 * random.nextGaussian();
        double slope = 0.0002 * random.nextGaussian();
        double[] x = new double[WAVELENGTHS];
        for (int w = 0; w < WAVELENGTHS; w++) {
            double a = offset + slope * w + unknown * band(3, w);
            for (int k = 0; k < 3; k++) {
                a += c[k] * band(k, w);
            }
            x[w] = a + noise * random.nextGaussian();
        }
        return x;
    }

    double[] component(int k) {
        double[] v = new double[concentrations.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = concentrations[i][k];
        }
        return v;
    }
}
