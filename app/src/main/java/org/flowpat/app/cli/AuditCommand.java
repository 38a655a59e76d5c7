package org.flowpat.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.flowpat.controller.ControllerOptions;
import org.flowpat.controller.api.AuditEntry;
import org.flowpat.controller.audit.AuditTrailFile;
import org.flowpat.controller.audit.AuditVerifier;
import org.flowpat.controller.historian.influx.InfluxHistorian;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code flowpat audit verify}: checks the audit trail's hash chain where it is kept (the work is in controller.audit). */
@Command(name = "audit", mixinStandardHelpOptions = true, subcommands = AuditCommand.Verify.class,
        description = "Audit trail tools: 'flowpat audit verify' checks its hash chain.")
public final class AuditCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: verify");
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = {"Checks the audit trail's hash chain: the file under the data directory (--data-dir), the copy",
                    "journaled in InfluxDB (--influx), or both against each other. Prints the number of entries, the head",
                    "seq and hash and 'chain valid' (exit 0), or the first bad entry (exit 1). Usage errors exit 2."})
    static final class Verify implements Callable<Integer> {
        static final int BROKEN = 1;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--data-dir", paramLabel = "DIR", description = "data directory as given to demo or run (the trail "
                + "is DIR/controller/audit/audit-trail.jsonl), or the controller's own (DIR/audit/...); "
                + "default flowpat-data when --influx is not given")
        Path dataDir;

        @Option(names = "--influx", paramLabel = "URL", description = "InfluxDB URL, e.g. http://127.0.0.1:8086")
        String influxUrl;

        @Option(names = "--influx-db", paramLabel = "NAME", description = "InfluxDB database (default: "
                + ControllerOptions.DEFAULT_INFLUX_DATABASE + ")")
        String influxDatabase;

        @Override
        public Integer call() {
            if (influxDatabase != null && influxUrl == null) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--influx-db needs --influx URL");
            }
            if (influxUrl != null && !influxUrl.startsWith("http://") && !influxUrl.startsWith("https://")) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "--influx must be an http:// or https:// URL, got '" + influxUrl + "'");
            }
            Path dir = dataDir == null && influxUrl == null ? Path.of("flowpat-data") : dataDir;
            AuditTrailFile file = null;
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            if (dir != null) {
                Optional<Path> located = AuditVerifier.locate(dir);
                if (located.isEmpty()) {
                    throw new CommandLine.ParameterException(spec.commandLine(), "no audit trail under " + dir
                            + " (looked for " + AuditVerifier.candidates(dir) + ")");
                }
                try {
                    file = AuditTrailFile.read(located.get());
                } catch (Exception e) {
                    err.println("flowpat audit verify: cannot read " + located.get() + ": " + e.getMessage());
                    return BROKEN;
                }
            }
            AuditVerifier.Report report;
            if (influxUrl == null) {
                report = AuditVerifier.verifyFile(file);
            } else {
                String db = influxDatabase == null ? ControllerOptions.DEFAULT_INFLUX_DATABASE : influxDatabase;
                String description = "InfluxDB " + influxUrl + " database " + db;
                List<AuditEntry> journaled;
                try (InfluxHistorian historian = new InfluxHistorian(influxUrl, db)) {
                    journaled = AuditVerifier.historianEntries(historian);
                } catch (Exception e) {
                    err.println("flowpat audit verify: cannot read the audit trail from " + description + ": " + e.getMessage());
                    return BROKEN;
                }
                report = file == null ? AuditVerifier.verifyHistorian(description, journaled)
                        : AuditVerifier.crossCheck(file, description, journaled);
            }
            report.lines().forEach(out::println);
            out.flush();
            return report.valid() ? 0 : BROKEN;
        }
    }
}
