package org.flowpat.controller.historian;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.flowpat.controller.historian.TrendQueryBenchmark.Settings;
import org.flowpat.controller.historian.TrendQueryBenchmark.SyntheticSignal;
import org.flowpat.controller.historian.TrendQueryBenchmark.TrendSteps;
import org.junit.jupiter.api.Test;

/** The parts of {@code flowpat bench trends} that decide what is measured. */
class TrendQueryBenchmarkTest {

    @Test
    void theStepIsTheTrendsPagesFirstStepGivingAtMost600BucketsAndEveryStepDividesADay() {
        long[] spans = {7_201, 3 * 3600, 12 * 3600, 24 * 3600, 7 * 86_400, 30 * 86_400};
        for (long span : spans) {
            long step = TrendSteps.forSpanSeconds(span);
            assertTrue(span / (double) step <= 600 || step == 3600, "span " + span + " s: step " + step + " s");
            assertEquals(0, 86_400 % step, "step " + step + " s divides a day (the historian requires it)");
            Historian.bucketMillis(java.time.Duration.ofSeconds(step));
        }
        // 24 h: 86400 / 120 = 720 buckets is too many for the page, 86400 / 300 = 288 is not.
        assertTrue(86_400 / 120.0 > 600);
        assertEquals(300, TrendSteps.forSpanSeconds(24 * 3600));
    }

    @Test
    void upToTwoHoursThePageAsksForRawSamples() {
        assertEquals(0, TrendSteps.forSpanSeconds(600));
        assertEquals(0, TrendSteps.forSpanSeconds(TrendSteps.RAW_MAX_SPAN_S));
        assertTrue(TrendSteps.forSpanSeconds(TrendSteps.RAW_MAX_SPAN_S + 1) > 0);
    }

    @Test
    void theSyntheticSignalIsMostlyUsableWithTheOddBadOrNonFiniteSample() {
        int day = 86_400;
        int bad = 0;
        int nan = 0;
        for (long tick = 0; tick < day; tick++) {
            bad += SyntheticSignal.status(3, tick) == SyntheticSignal.BAD ? 1 : 0;
            double v = SyntheticSignal.value(3, tick);
            if (Double.isNaN(v)) {
                nan++;
            } else {
                assertTrue(v > 35 && v < 65, "value " + v + " at tick " + tick);
            }
        }
        assertTrue(bad > 0 && bad < day / 500, "bad samples: " + bad);
        assertTrue(nan > 0 && nan < day / 1000, "NaN samples: " + nan);
    }

    /** What a small run (3 signals x 3 h, 2 rounds) against {@code backend} prints. */
    private static String smallRun(String backend) throws Exception {
        PrintStream stdout = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            new TrendQueryBenchmark(Settings.parse(new String[] {"--signals", "2", "--other-signals", "1", "--hours", "3",
                "--queries", "2", "--warmup", "1", "--backend", backend})).run();
        } finally {
            System.setOut(stdout);
        }
        return printed.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aSmallRunAgainstTheEmbeddedQuestDbFillsQueriesAndChecksEveryTrend() throws Exception {
        String text = smallRun("questdb");
        // 3 h of 1 Hz samples for 3 signals; 3 h in 30 s buckets (the page's step for 3 h) is 360 buckets per signal.
        assertTrue(text.contains("filled 32,400 samples"), text);
        assertTrue(text.contains("step 30 s"), text);
        assertTrue(text.matches("(?s).*QuestDB trend page round .*; 72[0-2] points returned \\(36[01] per signal\\).*"), text);
    }

    @Test
    void aSmallRunAgainstAPrivateInfluxdRollsUpAfterTheFillAndAnswersFromTheRollups() throws Exception {
        String text = smallRun("influx");
        assertTrue(text.contains("InfluxDB: filled 32,400 samples"), text);
        // The fill ends on a whole second, so 3 h span 180 or 181 minutes.
        assertTrue(text.matches("(?s).*InfluxDB: rolled up 18[01] minutes into samples_1m in .*"), text);
        assertTrue(text.matches("(?s).*InfluxDB trend page round .*; 72[0-2] points returned \\(36[01] per signal\\).*"), text);
    }

    @Test
    void optionsAreReadAndBadOnesNamed() {
        Settings defaults = Settings.parse(new String[0]);
        assertEquals(10, defaults.signals());
        assertEquals(24, defaults.hours());
        assertEquals(864_000, defaults.samplesQueried());
        Settings s = Settings.parse(new String[] {"--signals", "2", "--hours", "3", "--rate", "2", "--backend", "questdb"});
        assertEquals(2L * 3 * 3600 * 2, s.samplesQueried());
        assertEquals("questdb", s.backend());
        IllegalArgumentException backend = assertThrows(IllegalArgumentException.class,
                () -> Settings.parse(new String[] {"--backend", "mysql"}));
        assertTrue(backend.getMessage().contains("--backend") && backend.getMessage().contains("mysql"), backend.getMessage());
        IllegalArgumentException number = assertThrows(IllegalArgumentException.class,
                () -> Settings.parse(new String[] {"--hours", "a day"}));
        assertTrue(number.getMessage().contains("--hours"), number.getMessage());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> Settings.parse(new String[] {"--days", "1"}));
        assertTrue(unknown.getMessage().contains("--days"), unknown.getMessage());
    }
}
