package org.flowpat.app.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "spc", mixinStandardHelpOptions = true, description = "Not available yet in this build.")
public final class SpcCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("flowpat spc: not available yet in this build");
        return 1;
    }
}
