package org.flowpat.app.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "bench", mixinStandardHelpOptions = true, description = "Not available yet in this build.")
public final class BenchCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("flowpat bench: not available yet in this build");
        return 1;
    }
}
