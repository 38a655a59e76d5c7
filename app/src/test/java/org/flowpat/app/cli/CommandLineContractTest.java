package org.flowpat.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.flowpat.app.FlowpatMain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** DESIGN.md's command-line contract: every command has --help, and bad arguments exit 2 with a message. */
class CommandLineContractTest {
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = FlowpatMain.commandLine();
        cl.setErr(new PrintWriter(err, true));
        cl.setOut(new PrintWriter(new StringWriter(), true));
        return cl.execute(args);
    }

    @Test
    void everyCommandPrintsHelp() {
        for (String command : new String[] {"demo", "simulate", "run", "spc", "bench"}) {
            assertEquals(0, run(command, "--help"), command + " --help");
        }
    }

    @Test
    void badArgumentsExitTwoWithAMessageNamingThem() {
        assertEquals(2, run("simulate", "--lines", "0"));
        assertTrue(err.toString().contains("lines must be at least 1"), err.toString());
        assertEquals(2, run("simulate", "--time-scale", "fast"));
        assertEquals(2, run("demo", "--influx-db", "plant"));
        assertTrue(err.toString().contains("--influx-db needs --influx"), err.toString());
        assertEquals(2, run("demo", "--http-port", "70000"));
        assertEquals(2, run("simulate", "--scenario", "no-such-scenario"));
        assertEquals(2, run("bench", "no-such-benchmark"));
        assertEquals(2, run("frobnicate"));
    }

    @Test
    void anInvalidPlantFileExitsTwoNamingFileLineAndKey(@TempDir Path dir) throws Exception {
        Path plant = dir.resolve("plant.yaml");
        Files.writeString(plant, "name: x\nlines: []\nbogus: 1\n");
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        java.io.PrintStream old = System.err;
        System.setErr(new java.io.PrintStream(captured, true));
        try {
            assertEquals(2, run("run", "--plant", plant.toString()));
        } finally {
            System.setErr(old);
        }
        String message = captured + err.toString();
        assertTrue(message.contains("plant.yaml:3") && message.contains("bogus"), message);
    }
}
