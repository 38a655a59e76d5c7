package org.flowpat.controller.audit;

import org.flowpat.controller.api.codec.Sha256;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.LongSupplier;
import org.flowpat.controller.api.AuditActions;
import org.flowpat.controller.api.AuditEntry;
import org.flowpat.controller.api.AuditRequest;
import org.flowpat.controller.api.codec.JournalJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The durable, append-only audit trail: one file {@code <dir>/audit-trail.jsonl}, one {@link AuditEntry} per line as
 * JSON. An append is written and forced to disk ({@link FileChannel#force}) before it returns, so an acknowledged
 * entry survives a crash or power loss. Nothing in the file is ever rewritten or removed.
 * <p>
 * Opening reads and verifies the whole file and continues the chain from its last entry. A file whose chain does not
 * verify is refused (the trail does not write on a record it cannot vouch for; {@code flowpat audit verify} names
 * the bad entry). A last line without its newline is an append a crash interrupted, never acknowledged: it is kept
 * as it is, ended with a newline, and recorded by an {@link AuditActions#AUDIT_RECOVERY} entry that names the line
 * and the SHA-256 of its bytes, so verification accepts it and nobody can slip in other lines. The same recovery
 * runs before the next append after a failed write. When the file is missing or empty but the historian holds
 * entries (the data directory was lost while InfluxDB kept its copy), the historian's copy is written to a new file
 * first and the chain continues from it (best effort, logged).
 * <p>
 * One writer owns it (the {@link AuditService} verticle); its methods are synchronized so that a test or tool
 * calling from another thread still sees one sequence.
 */
public final class AuditTrail implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AuditTrail.class);
    public static final String FILE_NAME = "audit-trail.jsonl";
    /** Who records the trail's own repairs. */
    public static final String SYSTEM_USER = "system:audit";

    private final Path file;
    private final LongSupplier clock;
    private FileChannel channel;
    private AuditEntry last;
    private AuditEntry lastConfiguration;
    private boolean failed;

    private AuditTrail(Path file, LongSupplier clock) {
        this.file = file;
        this.clock = clock;
    }

    /** Opens (or creates) the trail in {@code directory}, with the host clock. */
    public static AuditTrail open(Path directory, HistorianCopy historianCopy) throws IOException {
        return open(directory, historianCopy, AuditTrail::nowNanos);
    }

    static AuditTrail open(Path directory, HistorianCopy historianCopy, LongSupplier clock) throws IOException {
        Files.createDirectories(directory);
        AuditTrail trail = new AuditTrail(directory.resolve(FILE_NAME), clock);
        trail.restoreFromHistorianIfMissing(historianCopy);
        trail.load();
        return trail;
    }

    /** Epoch nanoseconds of the host clock (microsecond resolution on most hosts). */
    static long nowNanos() {
        Instant now = Instant.now();
        return Math.addExact(Math.multiplyExact(now.getEpochSecond(), 1_000_000_000L), now.getNano());
    }

    public Path file() {
        return file;
    }

    /** The newest entry, or null for an empty trail. */
    public synchronized AuditEntry last() {
        return last;
    }

    /** The newest {@link AuditActions#CONFIGURATION_LOAD} entry, or null. */
    public synchronized AuditEntry lastConfiguration() {
        return lastConfiguration;
    }

    /**
     * Numbers, times and chains the request, writes it and forces it to disk.
     *
     * @throws IOException when it could not be made durable; then nothing is acknowledged, and the next append
     *                     first recovers the file (re-reads, verifies, ends a partial line and records it)
     */
    public synchronized AuditEntry append(AuditRequest request) throws IOException {
        if (failed) {
            closeChannel();
            load();
            failed = false;
        }
        return write(request);
    }

    private AuditEntry write(AuditRequest request) throws IOException {
        AuditEntry entry = AuditChain.seal(last == null ? 1 : last.seq() + 1, clock.getAsLong(), request,
                last == null ? AuditChain.GENESIS : last.hash());
        writeDurably((JournalJson.toText(entry) + "\n").getBytes(StandardCharsets.UTF_8));
        remember(entry);
        return entry;
    }

    private void writeDurably(byte[] bytes) throws IOException {
        try {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(false);
        } catch (IOException | RuntimeException e) {
            failed = true;
            throw new AuditTrailException("could not write to the audit trail " + file + ": " + e.getMessage(), e);
        }
    }

    private void remember(AuditEntry entry) {
        last = entry;
        if (AuditActions.CONFIGURATION_LOAD.equals(entry.action())) {
            lastConfiguration = entry;
        }
    }

    /** Reads and verifies the file, opens it for appending, and ends and records a torn last line. */
    private void load() throws IOException {
        AuditTrailFile content = Files.exists(file) ? AuditTrailFile.read(file) : AuditTrailFile.parse(file, new byte[0]);
        ChainVerification verification = content.verify();
        if (!verification.valid()) {
            throw new AuditTrailException("the audit trail " + file + " does not verify at seq " + verification.firstBadSeq()
                    + ": " + verification.message() + ". It is kept as it is and not written to; "
                    + "check it with 'flowpat audit verify' and investigate before the controller starts again");
        }
        last = null;
        lastConfiguration = null;
        content.entries().forEach(this::remember);
        boolean created = !Files.exists(file);
        channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        if (created) {
            forceDirectory();
        }
        if (content.torn()) {
            int line = content.nextLineNumber();
            LOG.warn("audit trail {}: line {} ({} bytes) is an append a stop or crash interrupted, never acknowledged; "
                    + "kept and recorded", file, line, content.tornTail().length);
            writeDurably(new byte[]{'\n'});
            write(new AuditRequest(SYSTEM_USER, AuditActions.AUDIT_RECOVERY, "", AuditTrailFile.recoveryTarget(line), "",
                    Sha256.hex(content.tornTail()), "line " + line + " (" + content.tornTail().length
                    + " bytes) was left unterminated by an append a stop or crash interrupted; it was never acknowledged "
                    + "and is kept as it is"));
        }
        LOG.info("audit trail {}: {} entries, head seq {}", file, content.entries().size(), last == null ? 0 : last.seq());
    }

    /** Makes a newly created file's directory entry durable too. */
    private void forceDirectory() {
        try (FileChannel dir = FileChannel.open(file.getParent(), StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            LOG.debug("could not force directory {}: {}", file.getParent(), e.getMessage());
        }
    }

    private void restoreFromHistorianIfMissing(HistorianCopy historianCopy) throws IOException {
        if (Files.exists(file) && Files.size(file) > 0) {
            return;
        }
        List<AuditEntry> copy;
        try {
            copy = new ArrayList<>(historianCopy.entries());
        } catch (Exception e) {
            LOG.warn("audit trail {} is missing and the historian's copy could not be read ({}): starting a new chain",
                    file, e.getMessage());
            return;
        }
        if (copy.isEmpty()) {
            return;
        }
        copy.sort(Comparator.comparingLong(AuditEntry::seq));
        ChainVerification verification = AuditChain.verify(copy);
        if (!verification.valid()) {
            throw new AuditTrailException("the audit trail " + file + " is missing and the historian's copy ("
                    + copy.size() + " entries) does not verify at seq " + verification.firstBadSeq() + ": "
                    + verification.message() + "; not continuing a broken chain");
        }
        StringBuilder lines = new StringBuilder();
        for (AuditEntry e : copy) {
            lines.append(JournalJson.toText(e)).append('\n');
        }
        Files.writeString(file, lines, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
        try (FileChannel written = FileChannel.open(file, StandardOpenOption.WRITE)) {
            written.force(true);
        }
        forceDirectory();
        LOG.warn("audit trail {} was missing: restored {} entries (up to seq {}) from the historian's copy; entries the "
                + "historian had not yet received are lost", file, copy.size(), copy.get(copy.size() - 1).seq());
    }

    private void closeChannel() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                LOG.warn("closing {}: {}", file, e.getMessage());
            }
            channel = null;
        }
    }

    @Override
    public synchronized void close() {
        closeChannel();
    }
}
