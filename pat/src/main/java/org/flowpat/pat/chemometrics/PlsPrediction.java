package org.flowpat.pat.chemometrics;

/**
 * A prediction with its trust check: {@link #trusted()} is false when the spectrum lies outside
 * the calibration space (T² or Q beyond the calibration limits), and the values must not be used.
 */
public record PlsPrediction(double[] values, double t2, double q, double t2Limit, double qLimit) {
    public PlsPrediction {
        values = values.clone();
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    public boolean t2Exceeded() {
        return t2 > t2Limit;
    }

    public boolean qExceeded() {
        return q > qLimit;
    }

    public boolean trusted() {
        return !t2Exceeded() && !qExceeded();
    }
}
