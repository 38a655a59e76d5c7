package org.flowpat.controller.historian.influx;

import org.flowpat.controller.api.Event;
import org.flowpat.controller.api.Quality;
import org.flowpat.controller.api.Sample;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class LineProtocolTest {

    @Test
    void aSampleBecomesOnePointKeyedByLineQualityAndSignalAtItsSourceTime() {
        LineProtocol p = new LineProtocol(100);
        InfluxHistorian.appendSample(p, new Sample("L1", "R1.temperature", 80.25, 1_000_000_123L, 1_000_500_123L, Quality.UNCERTAIN_CODE));
        assertEquals("samples,line=L1,quality=UNCERTAIN,signal=R1.temperature value=80.25,status=1073741824,receive_delay_ns=500000 1000000123\n",
                p.toString());
    }

    @Test
    void aPlainGoodSampleHasNoStatusFieldAndANonZeroGoodCodeKeepsIt() {
        LineProtocol p = new LineProtocol(200);
        InfluxHistorian.appendSample(p, new Sample("L1", "R1.temperature", 80.25, 1_000_000_123L, 1_000_500_123L, Quality.GOOD_CODE));
        InfluxHistorian.appendSample(p, new Sample("L1", "R1.temperature", 80.5, 1_000_000_124L, 1_000_500_124L, 0x00D80000L));
        assertEquals("samples,line=L1,quality=GOOD,signal=R1.temperature value=80.25,receive_delay_ns=500000 1000000123\n"
                + "samples,line=L1,quality=GOOD,signal=R1.temperature value=80.5,status=14155776,receive_delay_ns=500000 1000000124\n",
                p.toString());
    }

    @Test
    void aNonFiniteValueIsFlaggedInsteadOfWritten() {
        LineProtocol p = new LineProtocol(100);
        InfluxHistorian.appendSample(p, new Sample("L1", "AT1.impurity", Double.NaN, 7, 7, Quality.BAD_CODE));
        assertEquals("samples,line=L1,quality=BAD,signal=AT1.impurity nonfinite=\"NaN\",status=2147483648,receive_delay_ns=0 7\n", p.toString());
    }

    @Test
    void specialCharactersAreEscapedAndLineBreaksRefused() {
        LineProtocol p = new LineProtocol(100);
        InfluxHistorian.appendEvent(p, new Event("line 2", "gap,kind", 5, 10, List.of("a=b"), "say \"hi\" \\ bye"));
        assertEquals("events,line=line\\ 2,kind=gap\\,kind signals=\"a=b\",message=\"say \\\"hi\\\" \\\\ bye\",duration_ns=5 5\n", p.toString());
        assertThrows(IllegalArgumentException.class, () -> new LineProtocol(10).measurement("m").tag("line", "a\nb"));
    }

    @Test
    void fractionalHugeAndNegativeZeroDoublesKeepTheirBits() {
        for (double v : new double[]{0.1, -0.0, 1e300, 9.007199254740993E15, -42.0, 4.9e-324}) {
            String text = new LineProtocol(50).measurement("m").field("v", v).time(1).toString();
            String number = text.substring(text.indexOf('=') + 1, text.indexOf(' ', text.indexOf('=')));
            assertEquals(Double.doubleToLongBits(v), Double.doubleToLongBits(Double.parseDouble(number)), "value " + v + " as " + number);
        }
    }

    @Test
    void everyFiniteDoubleIsWrittenInItsShortestFormAndParsesBackToItsBits() {
        java.util.Random random = new java.util.Random(4);
        for (int i = 0; i < 20_000; i++) {
            double v = i % 2 == 0 ? Double.longBitsToDouble(random.nextLong()) : 20 + random.nextGaussian() * 5;
            if (!Double.isFinite(v)) {
                continue;
            }
            String text = new LineProtocol(50).measurement("m").field("v", v).time(1).toString();
            String number = text.substring(text.indexOf('=') + 1, text.indexOf(' ', text.indexOf('=')));
            assertEquals(Double.doubleToLongBits(v), Double.doubleToLongBits(Double.parseDouble(number)), "value " + v + " as " + number);
            assertTrue(number.length() <= Double.toString(v).length(), number + " longer than " + v);
        }
    }
}
