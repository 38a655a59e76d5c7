package org.flowpat.app.cli.spc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.flowpat.pat.multivariate.HotellingLimits;
import org.junit.jupiter.api.Test;

class T2ReportTest {
    /** Mason and Young (2002) boiler temperatures, as in qcc's {@code boiler} (also pat's reference data). */
    private static final String BOILER = """
            t1,t2,t3,t4,t5,t6,t7,t8
            507,516,527,516,499,512,472,477
            512,513,533,518,502,510,476,475
            520,512,537,518,503,512,480,477
            520,514,538,516,504,517,480,479
            530,515,542,525,504,512,481,477
            528,516,541,524,505,514,482,480
            522,513,537,518,503,512,479,477
            527,509,537,521,504,508,478,472
            533,514,528,529,508,512,482,477
            530,512,538,524,507,512,482,477
            530,512,541,525,507,511,482,476
            527,513,541,523,506,512,481,476
            529,514,542,525,506,512,481,477
            522,509,539,518,501,510,476,475
            532,515,545,528,507,511,481,478
            531,514,543,525,507,511,482,477
            535,514,542,530,509,511,483,477
            516,515,537,515,501,516,476,481
            514,510,532,512,497,512,471,476
            536,512,540,526,509,512,482,477
            522,514,540,518,497,514,475,478
            520,514,540,518,501,514,475,478
            526,517,546,522,502,516,477,480
            527,514,543,523,502,512,475,476
            529,518,544,525,504,516,479,481
            """;

    /** Ryan (2011) Table 9.2, qcc's {@code RyanMultivar}. */
    private static final String RYAN = """
            sample,obs,X1,X2
            1,1,72,23
            1,2,84,30
            1,3,79,28
            1,4,49,10
            2,1,56,14
            2,2,87,31
            2,3,33,8
            2,4,42,9
            3,1,55,13
            3,2,73,22
            3,3,22,6
            3,4,60,16
            4,1,44,9
            4,2,80,28
            4,3,54,15
            4,4,74,25
            5,1,97,36
            5,2,26,10
            5,3,48,14
            5,4,58,15
            6,1,83,30
            6,2,89,35
            6,3,91,36
            6,4,62,18
            7,1,47,12
            7,2,66,18
            7,3,53,14
            7,4,58,16
            8,1,88,31
            8,2,50,11
            8,3,84,30
            8,4,69,19
            9,1,57,14
            9,2,47,10
            9,3,41,8
            9,4,46,10
            10,1,26,7
            10,2,39,11
            10,3,52,35
            10,4,48,30
            11,1,46,10
            11,2,27,8
            11,3,63,19
            11,4,34,9
            12,1,49,11
            12,2,62,20
            12,3,78,27
            12,4,87,31
            13,1,71,22
            13,2,63,16
            13,3,82,31
            13,4,55,15
            14,1,71,21
            14,2,58,19
            14,3,69,17
            14,4,70,20
            15,1,67,18
            15,2,69,19
            15,3,70,18
            15,4,94,35
            16,1,55,15
            16,2,63,16
            16,3,72,20
            16,4,49,12
            17,1,49,13
            17,2,51,14
            17,3,55,16
            17,4,76,26
            18,1,72,22
            18,2,80,28
            18,3,61,18
            18,4,59,17
            19,1,61,19
            19,2,74,20
            19,3,62,16
            19,4,57,14
            20,1,35,10
            20,2,38,11
            20,3,41,13
            20,4,46,16
            """;

    private static List<CSVRecord> parse(String csv) throws IOException {
        try (CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(new StringReader(csv))) {
            return parser.getRecords();
        }
    }

    private static double[][] matrix(List<CSVRecord> records, List<String> columns) {
        double[][] rows = new double[records.size()][columns.size()];
        for (int i = 0; i < rows.length; i++) {
            for (int j = 0; j < columns.size(); j++) {
                rows[i][j] = Double.parseDouble(records.get(i).get(columns.get(j)));
            }
        }
        return rows;
    }

    private static final List<String> TEMPS = List.of("t1", "t2", "t3", "t4", "t5", "t6", "t7", "t8");

    private static double[][] boiler() throws IOException {
        return matrix(parse(BOILER), TEMPS);
    }

    @Test
    void boilerReportMatchesPublishedLimitsAndDeterminant() throws IOException {
        ObjectNode report = T2Report.build(boiler(), null, TEMPS, 0, 0.001);

        assertEquals("t2", report.get("chart").asText());
        assertTrue(report.get("center").isNull());
        assertTrue(report.get("sigma").isNull());
        assertEquals(17.41705, report.get("ucl_phase1").asDouble(), 0.5e-5);
        assertEquals(70.02943, report.get("ucl_phase2").asDouble(), 0.5e-5);
        assertEquals(8313.241, report.get("covariance_determinant").asDouble(), 0.5e-3);
        assertEquals(0.001, report.get("alpha").asDouble());
        assertEquals(0, report.get("missing").asInt());
        assertEquals(8, report.get("variables").size());
        assertEquals("t5", report.get("variables").get(4).asText());

        JsonNode points = report.get("points");
        assertEquals(25, points.size());
        double sum = 0;
        for (int i = 0; i < 25; i++) {
            JsonNode point = points.get(i);
            assertEquals(i + 1, point.get("index").asInt());
            assertEquals("I", point.get("phase").asText());
            assertEquals(report.get("ucl_phase1").asDouble(), point.get("ucl").asDouble());
            assertEquals(0.0, point.get("lcl").asDouble());
            assertFalse(point.has("subgroup"));
            sum += point.get("value").asDouble();
            assertSignalsAndContributions(point);
        }
        // phase I T² values of individuals sum to p(m-1)
        assertEquals(8 * 24, sum, 1e-8);
    }

    @Test
    void leadingPointsArePhaseOneAndTheRestAreJudgedAgainstThePhaseTwoLimit() throws IOException {
        double[][] rows = boiler();
        double[][] shifted = rows.clone();
        shifted[22] = rows[22].clone();
        for (int j = 0; j < 8; j++) {
            shifted[22][j] += j == 6 ? 40 : 0; // t7 jumps by 40 degrees in a phase II point
        }
        ObjectNode report = T2Report.build(shifted, null, TEMPS, 20, 0.001);

        assertEquals(HotellingLimits.individualsPhase1(20, 8, 0.001), report.get("ucl_phase1").asDouble(), 1e-12);
        assertEquals(HotellingLimits.individualsPhase2(20, 8, 0.001), report.get("ucl_phase2").asDouble(), 1e-12);
        double mean0 = 0;
        for (int i = 0; i < 20; i++) {
            mean0 += rows[i][0] / 20;
        }
        assertEquals(mean0, report.get("mean").get(0).asDouble(), 1e-9);
        JsonNode points = report.get("points");
        for (int i = 0; i < 25; i++) {
            assertEquals(i < 20 ? "I" : "II", points.get(i).get("phase").asText());
            assertSignalsAndContributions(points.get(i));
        }
        JsonNode jumped = points.get(22);
        assertEquals("limit", jumped.get("signals").get(0).asText(), jumped.toString());
        String top = null;
        double best = Double.NEGATIVE_INFINITY;
        for (String v : TEMPS) {
            double c = jumped.get("contributions").get(v).asDouble();
            if (c > best) {
                best = c;
                top = v;
            }
        }
        assertEquals("t7", top);
    }

    @Test
    void rowsWithMissingValuesAreSkippedAndCounted() throws IOException {
        double[][] rows = boiler();
        double[][] withGaps = new double[27][];
        System.arraycopy(rows, 0, withGaps, 0, 10);
        withGaps[10] = new double[] {1, 2, Double.NaN, 4, 5, 6, 7, 8};
        System.arraycopy(rows, 10, withGaps, 11, 15);
        withGaps[26] = new double[] {Double.NaN, 2, 3, 4, 5, 6, 7, 8};
        ObjectNode report = T2Report.build(withGaps, null, TEMPS, 0, 0.001);
        assertEquals(2, report.get("missing").asInt());
        assertEquals(25, report.get("points").size());
        assertEquals(10, report.get("points").get(9).get("row").asInt());
        assertEquals(12, report.get("points").get(10).get("row").asInt());
        assertEquals(17.41705, report.get("ucl_phase1").asDouble(), 0.5e-5);
    }

    @Test
    void subgroupReportMatchesQccForRyanData() throws IOException {
        List<CSVRecord> records = parse(RYAN);
        double[][] rows = matrix(records, List.of("X1", "X2"));
        String[] labels = records.stream().map(r -> r.get("sample")).toArray(String[]::new);
        double alpha = 1 - Math.pow(1 - 0.0027, 2); // qcc's default for two variables

        ObjectNode report = T2Report.build(rows, labels, List.of("X1", "X2"), 0, alpha);

        assertEquals(11.03976, report.get("ucl_phase1").asDouble(), 0.5e-5);
        assertEquals(12.20184, report.get("ucl_phase2").asDouble(), 0.5e-5);
        assertEquals(4, report.get("subgroup_size").asInt());
        JsonNode points = report.get("points");
        assertEquals(20, points.size());
        List<String> seen = new ArrayList<>();
        for (JsonNode point : points) {
            seen.add(point.get("subgroup").asText());
            assertSignalsAndContributions(point);
        }
        assertEquals("1", seen.get(0));
        assertEquals("20", seen.get(19));
    }

    @Test
    void badInputIsExplained() throws IOException {
        double[][] rows = boiler();
        var columns = assertThrows(IllegalArgumentException.class, () -> T2Report.build(rows, null, TEMPS.subList(0, 7), 0, 0.01));
        assertTrue(columns.getMessage().contains("row 1"), columns.getMessage());
        var labels = assertThrows(IllegalArgumentException.class, () -> T2Report.build(rows, new String[3], TEMPS, 0, 0.01));
        assertTrue(labels.getMessage().contains("labels"), labels.getMessage());
        var phase = assertThrows(IllegalArgumentException.class, () -> T2Report.build(rows, null, TEMPS, 30, 0.01));
        assertTrue(phase.getMessage().contains("only 25"), phase.getMessage());
        var alpha = assertThrows(IllegalArgumentException.class, () -> T2Report.build(rows, null, TEMPS, 0, 0));
        assertTrue(alpha.getMessage().contains("alpha"), alpha.getMessage());
        double[][] constant = new double[25][];
        for (int i = 0; i < 25; i++) {
            constant[i] = rows[i].clone();
            constant[i][3] = 500;
        }
        var singular = assertThrows(IllegalArgumentException.class, () -> T2Report.build(constant, null, TEMPS, 0, 0.01));
        assertTrue(singular.getMessage().contains("t4"), singular.getMessage());
        var few = assertThrows(IllegalArgumentException.class, () -> T2Report.build(rows, null, TEMPS, 8, 0.01));
        assertTrue(few.getMessage().contains("m > p"), few.getMessage());
    }

    /** A point signals exactly when beyond its limit, and only signalling points carry contributions summing to T². */
    private static void assertSignalsAndContributions(JsonNode point) {
        boolean beyond = point.get("value").asDouble() > point.get("ucl").asDouble();
        assertEquals(beyond ? 1 : 0, point.get("signals").size(), point.toString());
        assertEquals(beyond, point.has("contributions"), point.toString());
        if (beyond) {
            double sum = 0;
            for (JsonNode c : point.get("contributions")) {
                sum += c.asDouble();
            }
            assertEquals(point.get("value").asDouble(), sum, 1e-9 * point.get("value").asDouble());
        }
    }
}
