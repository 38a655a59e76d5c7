package org.flowpat.app;

import org.flowpat.app.cli.AuditCommand;
import org.flowpat.app.cli.BenchCommand;
import org.flowpat.app.cli.DemoCommand;
import org.flowpat.app.cli.RunCommand;
import org.flowpat.app.cli.SimulateCommand;
import org.flowpat.app.cli.SpcCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code flowpat} command. Usage errors exit 2 (picocli's USAGE code), as DESIGN.md promises. */
@Command(name = "flowpat",
        mixinStandardHelpOptions = true,
        version = "FlowPAT 0.1.0",
        description = "Process control and monitoring for continuous pharmaceutical manufacturing.",
        subcommands = {DemoCommand.class, SimulateCommand.class, RunCommand.class, SpcCommand.class,
                AuditCommand.class, BenchCommand.class})
public final class FlowpatMain implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required (demo, simulate, run, spc, audit, bench)");
    }

    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new FlowpatMain());
        // The program benchmarks take their own options (flowpat bench historian --seconds 20).
        commandLine.getSubcommands().get("bench").setUnmatchedOptionsArePositionalParams(true);
        return commandLine;
    }

    public static void main(String[] args) {
        int code = commandLine().execute(args);
        if (code != 0 || !Boolean.getBoolean("flowpat.keepRunning")) {
            System.exit(code);
        }
    }
}
