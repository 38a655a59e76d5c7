package org.flowpat.app.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "run", mixinStandardHelpOptions = true, description = "Not available yet in this build.")
public final class RunCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("flowpat run: not available yet in this build");
        return 1;
    }
}
