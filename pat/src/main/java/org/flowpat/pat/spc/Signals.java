package org.flowpat.pat.spc;

import java.util.ArrayList;
import java.util.List;

/**
 * Signal flags as bits of an {@code int}, so streaming charts report them without allocating.
 * Bits 0-7 are Nelson's tests 1-8, bits 8-11 the Western Electric rules 1-4, and two bits mark a
 * point strictly beyond the upper or lower control limit.
 */
public final class Signals {
    public static final int NONE = 0;
    public static final int NELSON1 = 1;
    public static final int NELSON2 = 1 << 1;
    public static final int NELSON3 = 1 << 2;
    public static final int NELSON4 = 1 << 3;
    public static final int NELSON5 = 1 << 4;
    public static final int NELSON6 = 1 << 5;
    public static final int NELSON7 = 1 << 6;
    public static final int NELSON8 = 1 << 7;
    public static final int WE1 = 1 << 8;
    public static final int WE2 = 1 << 9;
    public static final int WE3 = 1 << 10;
    public static final int WE4 = 1 << 11;
    public static final int ABOVE_UCL = 1 << 12;
    public static final int BELOW_LCL = 1 << 13;

    /** All eight Nelson tests. */
    public static final int NELSON = 0xFF;
    /** The four Western Electric rules. */
    public static final int WESTERN_ELECTRIC = 0xF00;
    /** Either limit. */
    public static final int LIMIT = ABOVE_UCL | BELOW_LCL;
    /** Every run rule. */
    public static final int RULES = NELSON | WESTERN_ELECTRIC;

    private static final String[] NAMES = {
        "nelson1", "nelson2", "nelson3", "nelson4", "nelson5", "nelson6", "nelson7", "nelson8",
        "we1", "we2", "we3", "we4"};

    private Signals() {
    }

    /** The rule bit for Nelson test {@code test} (1-8). */
    public static int nelson(int test) {
        if (test < 1 || test > 8) {
            throw new IllegalArgumentException("Nelson tests are numbered 1-8, got " + test);
        }
        return 1 << (test - 1);
    }

    /** The rule bit for Western Electric rule {@code rule} (1-4). */
    public static int westernElectric(int rule) {
        if (rule < 1 || rule > 4) {
            throw new IllegalArgumentException("Western Electric rules are numbered 1-4, got " + rule);
        }
        return 1 << (rule + 7);
    }

    /** Names of the run rules set in {@code flags} (nelson1..nelson8, we1..we4), plus "limit" if a limit bit is set. */
    public static List<String> names(int flags) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < NAMES.length; i++) {
            if ((flags & (1 << i)) != 0) {
                out.add(NAMES[i]);
            }
        }
        if ((flags & LIMIT) != 0) {
            out.add("limit");
        }
        return out;
    }
}
