package org.flowpat.controller.audit;

import org.flowpat.controller.api.codec.Sha256;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.flowpat.controller.api.AuditActions;
import org.flowpat.controller.api.AuditEntry;
import org.flowpat.controller.api.codec.JournalJson;

/**
 * The content of an audit-trail file ({@code audit-trail.jsonl}: one {@link AuditEntry} per line as JSON, each line
 * ended by a newline), as read at one moment, and its verification.
 * <p>
 * A line that is not an entry ("stray") is legitimate only where a crash interrupted an append: the trail then
 * keeps the torn line, ends it, and records it with an {@link AuditActions#AUDIT_RECOVERY} entry right after it,
 * naming the line and the SHA-256 of its bytes ({@link #recoveryTarget}). Any other stray line breaks the
 * verification. A last line without its newline ({@link #tornTail()}) is an append still in progress or cut off by
 * a crash: never acknowledged, so not part of the chain; the next open of the trail ends and records it.
 *
 * @param file     the file read
 * @param entries  the entries in file order
 * @param lines    every complete line in file order: entries and stray lines
 * @param tornTail the bytes after the last newline (empty when the file ends with one)
 */
public record AuditTrailFile(Path file, List<AuditEntry> entries, List<Line> lines, byte[] tornTail) {

    /** One complete line of the file: an entry, or (when {@code entry} is null) a stray line with its bytes. */
    public record Line(int number, AuditEntry entry, byte[] bytes) {
        boolean stray() {
            return entry == null;
        }
    }

    /** Reads what the file holds now (up to its current size, so an append in progress is a torn tail). */
    public static AuditTrailFile read(Path file) throws IOException {
        byte[] bytes;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size > Integer.MAX_VALUE - 16) {
                throw new IOException(file + " is " + size + " bytes, more than one audit file may hold");
            }
            ByteBuffer buffer = ByteBuffer.allocate((int) size);
            while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
                // read to the size seen at the start
            }
            bytes = Arrays.copyOf(buffer.array(), buffer.position());
        }
        return parse(file, bytes);
    }

    static AuditTrailFile parse(Path file, byte[] bytes) {
        List<AuditEntry> entries = new ArrayList<>();
        List<Line> lines = new ArrayList<>();
        int start = 0;
        int number = 1;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                byte[] content = Arrays.copyOfRange(bytes, start, i);
                AuditEntry entry = entryOrNull(content);
                lines.add(new Line(number++, entry, content));
                if (entry != null) {
                    entries.add(entry);
                }
                start = i + 1;
            }
        }
        return new AuditTrailFile(file, List.copyOf(entries), List.copyOf(lines), Arrays.copyOfRange(bytes, start, bytes.length));
    }

    private static AuditEntry entryOrNull(byte[] line) {
        if (line.length == 0 || line[0] != '{') {
            return null;
        }
        try {
            AuditEntry e = JournalJson.read(line, AuditEntry.class);
            // an object that lacks the chain's own components is not an entry
            return e == null || e.hash() == null || e.prevHash() == null || e.user() == null || e.action() == null ? null : e;
        } catch (IllegalArgumentException notAnEntry) {
            return null;
        }
    }

    /** The target a recovery entry gives for a stray line: {@code line <n>}. */
    public static String recoveryTarget(int lineNumber) {
        return "line " + lineNumber;
    }

    /** The line number of the line after the last complete one (where a torn tail sits). */
    public int nextLineNumber() {
        return lines.size() + 1;
    }

    public AuditEntry last() {
        return entries.isEmpty() ? null : entries.get(entries.size() - 1);
    }

    public boolean torn() {
        return tornTail.length > 0;
    }

    /**
     * Verifies the chain of entries and that every stray line is a recorded torn append (the next line is its
     * recovery entry); a torn tail does not make the file invalid (it was never acknowledged).
     */
    public ChainVerification verify() {
        ChainVerification chain = AuditChain.verify(entries);
        int chainBadLine = chain.valid() ? Integer.MAX_VALUE : lineOf(chain.firstBad());
        for (int i = 0; i < lines.size() && lines.get(i).number() < chainBadLine; i++) {
            Line line = lines.get(i);
            if (!line.stray()) {
                continue;
            }
            Line next = i + 1 < lines.size() ? lines.get(i + 1) : null;
            AuditEntry recovery = next == null ? null : next.entry();
            if (recovery == null || !AuditActions.AUDIT_RECOVERY.equals(recovery.action())
                    || !recoveryTarget(line.number()).equals(recovery.target())
                    || !Sha256.hex(line.bytes()).equals(recovery.newValue())) {
                AuditEntry before = entryBefore(i);
                long seq = recovery != null ? recovery.seq() : before == null ? 1 : before.seq() + 1;
                return ChainVerification.broken(entries.size(), seq, "line " + line.number() + " of " + file
                        + " is not an audit entry, and no recovery entry right after it records it as a torn append",
                        recovery, before);
            }
        }
        return chain;
    }

    private AuditEntry entryBefore(int lineIndex) {
        for (int j = lineIndex - 1; j >= 0; j--) {
            if (!lines.get(j).stray()) {
                return lines.get(j).entry();
            }
        }
        return null;
    }

    /** The line number of an entry of this file (by identity), for messages. */
    public int lineOf(AuditEntry entry) {
        for (Line line : lines) {
            if (line.entry() == entry) {
                return line.number();
            }
        }
        return -1;
    }

    /** The torn tail as text, for messages. */
    public String tornText() {
        return new String(tornTail, StandardCharsets.UTF_8);
    }
}
