package org.flowpat.controller.audit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.flowpat.controller.api.AuditEntry;
import org.flowpat.controller.historian.Historian;

/**
 * What {@code flowpat audit verify} checks and prints: the local file, the historian's copy, or both against each other
 * (which also catches a file cut short, which a chain alone cannot: see {@link AuditChain}).
 */
public final class AuditVerifier {

    /** The outcome: valid or not, and the lines to print. */
    public record Report(boolean valid, List<String> lines) {
        public Report {
            lines = List.copyOf(lines);
        }
    }

    private AuditVerifier() {
    }

    /**
     * The trail file of a data directory: {@code DIR/controller/audit/} (DIR as given to {@code flowpat demo} or
     * {@code run}) or {@code DIR/audit/} (DIR the controller's own directory).
     */
    public static Optional<Path> locate(Path dataDir) {
        for (Path candidate : candidates(dataDir)) {
            if (Files.exists(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    public static List<Path> candidates(Path dataDir) {
        return List.of(dataDir.resolve("controller").resolve(AuditService.DIRECTORY).resolve(AuditTrail.FILE_NAME),
                dataDir.resolve(AuditService.DIRECTORY).resolve(AuditTrail.FILE_NAME));
    }

    public static Report verifyFile(AuditTrailFile file) {
        List<String> lines = new ArrayList<>();
        ChainVerification v = file.verify();
        lines.add("audit trail " + file.file() + ": " + entries(v.entries()));
        describe(v, lines, file);
        if (file.torn()) {
            lines.add("note: the last line (" + file.tornTail().length + " bytes) is unterminated: an append in progress "
                    + "or cut off by a crash, never acknowledged; the controller records it at its next start");
        }
        return new Report(v.valid(), lines);
    }

    /** Every entry the historian holds, sorted by seq. */
    public static List<AuditEntry> historianEntries(Historian historian) throws Exception {
        List<AuditEntry> entries = new ArrayList<>(historian.auditEntries(0, Long.MAX_VALUE));
        entries.sort(Comparator.comparingLong(AuditEntry::seq));
        return entries;
    }

    public static Report verifyHistorian(String description, List<AuditEntry> entriesBySeq) {
        List<String> lines = new ArrayList<>();
        ChainVerification v = AuditChain.verify(entriesBySeq);
        lines.add("audit trail in " + description + ": " + entries(v.entries()));
        describe(v, lines, null);
        return new Report(v.valid(), lines);
    }

    /**
     * Both copies, each verified, then against each other: the historian may lag behind the file (its spool), but
     * must not be ahead of it (the file lost its tail) nor differ from it at the historian's head.
     */
    public static Report crossCheck(AuditTrailFile file, String description, List<AuditEntry> historianBySeq) {
        Report local = verifyFile(file);
        Report remote = verifyHistorian(description, historianBySeq);
        List<String> lines = new ArrayList<>(local.lines());
        lines.addAll(remote.lines());
        if (!local.valid() || !remote.valid()) {
            return new Report(false, lines);
        }
        AuditEntry fileHead = file.last();
        AuditEntry historianHead = historianBySeq.isEmpty() ? null : historianBySeq.get(historianBySeq.size() - 1);
        if (historianHead == null) {
            lines.add("copies agree: the historian holds no entries yet");
            return new Report(true, lines);
        }
        long fileSeq = fileHead == null ? 0 : fileHead.seq();
        if (historianHead.seq() > fileSeq) {
            lines.add("copies DIFFER: the historian holds entries up to seq " + historianHead.seq() + " but the file ends at seq "
                    + fileSeq + ": the file lost its tail");
            return new Report(false, lines);
        }
        AuditEntry same = file.entries().stream().filter(e -> e.seq() == historianHead.seq()).findFirst().orElseThrow();
        if (!same.hash().equals(historianHead.hash())) {
            lines.add("copies DIFFER at seq " + historianHead.seq() + ": file hash " + same.hash() + ", historian hash "
                    + historianHead.hash());
            return new Report(false, lines);
        }
        lines.add("copies agree up to seq " + historianHead.seq()
                + (fileSeq > historianHead.seq() ? " (the historian has not received seq " + (historianHead.seq() + 1)
                + "-" + fileSeq + " yet)" : ""));
        return new Report(true, lines);
    }

    private static String entries(int n) {
        return n + (n == 1 ? " entry" : " entries");
    }

    private static void describe(ChainVerification v, List<String> lines, AuditTrailFile file) {
        if (v.valid()) {
            if (v.head() != null) {
                lines.add("head seq " + v.head().seq() + " hash " + v.head().hash());
            }
            lines.add(ChainVerification.VALID);
            return;
        }
        lines.add("chain BROKEN at seq " + v.firstBadSeq() + ": " + v.message());
        AuditEntry bad = v.firstBad();
        if (bad != null) {
            int line = file == null ? -1 : file.lineOf(bad);
            lines.add("first bad entry: seq " + bad.seq() + (line > 0 ? " (line " + line + ")" : "") + ", time "
                    + Instant.ofEpochSecond(0, bad.timeNanos()) + ", user " + bad.user() + ", action " + bad.action()
                    + ", target " + bad.target());
        }
        if (v.head() != null) {
            lines.add("last good entry: seq " + v.head().seq() + " hash " + v.head().hash());
        }
    }
}
