package org.flowpat.app.cli.spc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.flowpat.app.FlowpatMain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code flowpat spc} run through picocli on the published reference data (pat's test resources). */
class SpcCommandTest {
    private static final Path DATA = Path.of("..", "pat", "src", "test", "resources", "reference-data", "spc");

    record Run(int exitCode, String out, String err) {
        JsonNode json() {
            try {
                return new ObjectMapper().readTree(out);
            } catch (IOException e) {
                throw new AssertionError("stdout is not JSON: " + out + "\nstderr: " + err, e);
            }
        }
    }

    static Run spc(String... args) {
        CommandLine cmd = FlowpatMain.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cmd.setOut(new PrintWriter(out));
        cmd.setErr(new PrintWriter(err));
        String[] full = new String[args.length + 1];
        full[0] = "spc";
        System.arraycopy(args, 0, full, 1, args.length);
        int code = cmd.execute(full);
        return new Run(code, out.toString(), err.toString());
    }

    static String data(String file) {
        return DATA.resolve(file).toString();
    }

    static void printed(String published, JsonNode node, String what) {
        BigDecimal p = new BigDecimal(published);
        double halfUnit = 0.5 * Math.pow(10, -p.scale());
        assertTrue(node != null && node.isNumber(), what + " missing: " + node);
        assertTrue(Math.abs(node.asDouble() - p.doubleValue()) <= halfUnit * (1 + 1e-9),
                what + ": published " + published + ", got " + node.asDouble());
    }

    static List<Integer> indicesWith(JsonNode points, String signal) {
        List<Integer> out = new ArrayList<>();
        for (JsonNode p : points) {
            for (JsonNode s : p.get("signals")) {
                if (s.asText().equals(signal)) {
                    out.add(p.get("index").asInt());
                }
            }
        }
        return out;
    }

    @Test
    void pistonringsXbarRWithCapability() {
        Run run = spc("--chart", "xbar-r", "--subgroup", "sample", "--value", "diameter", "--phase1", "25",
                "--constants", "table", "--rules", "none", "--lsl", "73.95", "--usl", "74.05", data("pistonrings.csv"));
        assertEquals(0, run.exitCode(), run.err());
        JsonNode j = run.json();
        assertEquals("xbar-r", j.get("chart").asText());
        printed("74.00118", j.get("center"), "center");
        printed("74.0143", j.get("ucl"), "UCL");
        printed("73.98805", j.get("lcl"), "LCL");
        printed("0.02276", j.get("dispersion").get("center"), "R-bar");
        JsonNode points = j.get("points");
        assertEquals(40, points.size());
        assertEquals("1", points.get(0).get("subgroup").asText());
        assertEquals("I", points.get(24).get("phase").asText());
        assertEquals("II", points.get(25).get("phase").asText());
        assertEquals(List.of(37, 38, 39), indicesWith(points, "limit"));
        assertEquals(40, j.get("dispersion").get("points").size());
        JsonNode cap = j.get("capability");
        printed("1.703", cap.get("cp"), "Cp");
        printed("1.491", cap.get("cp_ci").get(0), "Cp low");
        printed("1.915", cap.get("cp_ci").get(1), "Cp high");
        printed("1.663", cap.get("cpk"), "Cpk");
        printed("1.448", cap.get("cpk_ci").get(0), "Cpk low");
        printed("1.878", cap.get("cpk_ci").get(1), "Cpk high");
        printed("1.691", cap.get("cpm"), "Cpm");
        assertTrue(cap.get("pp").isNumber() && cap.get("ppk_ci").isArray());
    }

    @Test
    void variableSubgroupsLongAndWideFormsAgree() {
        Run longForm = spc("--chart", "xbar-r", "--subgroup", "sample", "--value", "diameter", "--phase1", "25",
                "--constants", "qcc", data("pistonrings_variable_n.csv"));
        Run wideForm = spc("--chart", "xbar-r", "--subgroup", "sample", "--value", "x1,x2,x3,x4,x5", "--phase1", "25",
                "--constants", "qcc", data("pistonrings_missing_nan.csv"));
        assertEquals(0, longForm.exitCode(), longForm.err());
        assertEquals(0, wideForm.exitCode(), wideForm.err());
        JsonNode a = longForm.json();
        JsonNode b = wideForm.json();
        printed("74.00075", a.get("center"), "center");
        printed("0.009856701", a.get("sigma"), "sigma");
        assertEquals(12, b.get("missing").asInt(), "NaN cells of the wide form are counted");
        assertEquals(a.get("points").size(), b.get("points").size());
        for (int i = 0; i < a.get("points").size(); i++) {
            JsonNode p = a.get("points").get(i);
            JsonNode q = b.get("points").get(i);
            assertEquals(p.get("subgroup").asText(), q.get("subgroup").asText());
            assertEquals(p.get("n").asInt(), q.get("n").asInt());
            assertEquals(p.get("value").asDouble(), q.get("value").asDouble(), 1e-12);
            assertEquals(p.get("ucl").asDouble(), q.get("ucl").asDouble(), 1e-12);
            if (p.get("n").asInt() == 3) {
                printed("74.01782", p.get("ucl"), "UCL n=3");
            }
        }
    }

    @Test
    void viscosityIndividualsWithIterativeExclusion() {
        Run run = spc("--chart", "imr", "--value", "viscosity", "--phase1", "20", "--constants", "table", "--exclude",
                data("viscosity_imr.csv"));
        assertEquals(0, run.exitCode(), run.err());
        JsonNode j = run.json();
        assertEquals(List.of(4), List.of(j.get("excluded").get(0).asInt()));
        assertEquals(1, j.get("excluded").size());
        printed("33.98947", j.get("center"), "center");
        printed("35.2247", j.get("ucl"), "UCL");
        assertEquals(35, j.get("points").size());
        assertEquals(34, j.get("dispersion").get("points").size(), "no moving range for the first point");
        assertEquals(2, j.get("dispersion").get("points").get(0).get("index").asInt());
        // Batch 4 (excluded from the estimate, still plotted) and batch 28 (35.40, phase II) lie above 35.2247.
        assertEquals(List.of(4, 28), indicesWith(j.get("points"), "nelson1"));
    }

    @Test
    void nistEwmaWithGivenCenterAndSigma() {
        Run run = spc("--chart", "ewma", "--value", "x", "--center", "50", "--sigma", "2.0539", "--lambda", "0.3", "--L", "3",
                "--asymptotic", data("nist_ewma.csv"));
        assertEquals(0, run.exitCode(), run.err());
        JsonNode points = run.json().get("points");
        printed("50.60", points.get(0).get("value"), "z1");
        printed("51.99", points.get(19).get("value"), "z20");
        printed("52.5884", points.get(5).get("ucl"), "UCL");
        assertEquals("II", points.get(0).get("phase").asText(), "given limits: everything is monitoring");
        assertEquals(List.of(), indicesWith(points, "limit"));
    }

    @Test
    void nistCusumSignalsFromGroup14() {
        Run run = spc("--chart", "cusum", "--value", "xbar", "--center", "325", "--sigma", "1", "--k", "0.3175", "--h", "4.1959",
                data("nist_cusum.csv"));
        assertEquals(0, run.exitCode(), run.err());
        JsonNode points = run.json().get("points");
        assertEquals(List.of(14, 15, 16, 17, 18, 19, 20), indicesWith(points, "limit"));
        assertTrue(points.get(13).get("upper").asDouble() > 4.1959);
        assertTrue(points.get(13).get("lower").asDouble() <= 0);
    }

    @Test
    void t2ChartIsDelegatedToT2Report() {
        Run run = spc("--chart", "t2", "--value", "t1,t2,t3,t4,t5,t6,t7,t8", "--alpha", "0.001", data("boiler_mason_young.csv"));
        assertEquals(0, run.exitCode(), run.err());
        JsonNode j = run.json();
        assertEquals("t2", j.get("chart").asText());
        assertTrue(j.get("center").isNull() && j.get("sigma").isNull());
        assertEquals(25, j.get("points").size());
        printed("17.41705", j.get("ucl_phase1"), "phase I UCL (Mason and Young)");
    }

    @Test
    void missingValuesAreSkippedAndCounted(@TempDir Path dir) throws IOException {
        Path csv = dir.resolve("gaps.csv");
        Files.writeString(csv, "t,x\n1,10.1\n2,\n3,9.8\n4,NaN\n5,10.3\n6,10.0\n");
        Run run = spc("--chart", "imr", "--value", "x", csv.toString());
        assertEquals(0, run.exitCode(), run.err());
        JsonNode j = run.json();
        assertEquals(2, j.get("missing").asInt());
        assertEquals(4, j.get("points").size());
        assertEquals(3, j.get("points").get(1).get("row").asInt(), "points keep their data row");
    }

    @Test
    void nonNumericCellExitsTwoNamingFileLineAndColumn(@TempDir Path dir) throws IOException {
        Path csv = dir.resolve("bad.csv");
        Files.writeString(csv, "t,x\n1,10.1\n2,10.4\n3,ten\n4,10.0\n");
        Run run = spc("--chart", "imr", "--value", "x", csv.toString());
        assertEquals(2, run.exitCode());
        assertEquals("", run.out());
        assertTrue(run.err().contains(csv.toString()) && run.err().contains("line 4") && run.err().contains("column 'x'")
                && run.err().contains("'ten'"), run.err());
    }

    @Test
    void lineNumbersCountBlankLinesAndTheLastLineWithoutNewline(@TempDir Path dir) throws IOException {
        Path csv = dir.resolve("blank.csv");
        Files.writeString(csv, "t,x\n1,10.1\n\n2,10.4\n3,1O.2");
        Run run = spc("--chart", "imr", "--value", "x", csv.toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("line 5, column 'x'") && run.err().contains("'1O.2'"), run.err());
    }

    @Test
    void missingColumnExitsTwo(@TempDir Path dir) throws IOException {
        Path csv = dir.resolve("a.csv");
        Files.writeString(csv, "t,x\n1,10.1\n2,10.4\n");
        Run run = spc("--chart", "imr", "--value", "y", csv.toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains(csv.toString()) && run.err().contains("line 1") && run.err().contains("no column 'y'"), run.err());
    }

    @Test
    void tooFewPointsExitsTwo(@TempDir Path dir) throws IOException {
        Path csv = dir.resolve("one.csv");
        Files.writeString(csv, "t,x\n1,10.1\n2,\n");
        Run run = spc("--chart", "imr", "--value", "x", csv.toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains(csv.toString()) && run.err().contains("too few points"), run.err());
    }

    @Test
    void unknownOptionAndUnknownChartExitTwo() {
        assertEquals(2, spc("--chart", "imr", "--value", "x", "--bogus", data("nist_ewma.csv")).exitCode());
        Run run = spc("--chart", "pie", "--value", "x", data("nist_ewma.csv"));
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("pie"), run.err());
    }

    @Test
    void missingFileExitsTwo() {
        Run run = spc("--chart", "imr", "--value", "x", "no/such/file.csv");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("no/such/file.csv"), run.err());
    }
}
