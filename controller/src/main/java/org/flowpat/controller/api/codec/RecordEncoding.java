package org.flowpat.controller.api.codec;

import org.flowpat.controller.api.AlarmTransition;
import org.flowpat.controller.api.AuditEntry;
import org.flowpat.controller.api.LotRecord;
import org.flowpat.controller.api.LotSignature;
import org.flowpat.controller.api.DiversionCommand;
import org.flowpat.controller.api.Event;
import org.flowpat.controller.api.LineStateChange;
import org.flowpat.controller.api.SpcResult;
import org.flowpat.controller.api.HistorianStatus;
import org.flowpat.controller.api.SampleBatch;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The one binary form of the controller's message records: used by the historian's spool on disk and by
 * the event-bus codecs on the wire (clustered mode). A leading type byte and a version byte let a reader
 * reject what it does not know instead of misreading it.
 */
public final class RecordEncoding {
    static final byte SAMPLE_BATCH = 1;
    static final byte EVENT = 2;
    static final byte HISTORIAN_STATUS = 3;
    // Journaled quality records (type 4 onwards): an int length and the record's JSON (JournalJson).
    static final byte SPC_RESULT = 4;
    static final byte ALARM_TRANSITION = 5;
    static final byte DIVERSION_COMMAND = 6;
    static final byte LINE_STATE_CHANGE = 7;
    static final byte AUDIT_ENTRY = 8;
    static final byte LOT_RECORD = 9;
    static final byte LOT_SIGNATURE = 10;
    static final byte VERSION = 1;

    private RecordEncoding() {
    }

    public static byte[] encode(Object message) {
        if (message instanceof SampleBatch batch) {
            return SampleBatchEncoding.encode(SAMPLE_BATCH, VERSION, batch); // the hot path, without streams
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            if (message instanceof Event e) {
                header(out, EVENT);
                out.writeUTF(e.line());
                out.writeUTF(e.kind());
                out.writeLong(e.startNanos());
                out.writeLong(e.endNanos());
                out.writeInt(e.signals().size());
                for (String signal : e.signals()) {
                    out.writeUTF(signal);
                }
                out.writeUTF(e.message());
            } else if (message instanceof HistorianStatus st) {
                header(out, HISTORIAN_STATUS);
                out.writeLong(st.spoolBytes());
                out.writeLong(st.capacityBytes());
                out.writeBoolean(st.alarm());
                out.writeUTF(st.lastError());
            } else if (JournalJson.journaled(message)) {
                header(out, journalType(message));
                byte[] json = JournalJson.toBytes(message);
                out.writeInt(json.length);
                out.write(json);
            } else {
                throw new IllegalArgumentException("no binary encoding for " + (message == null ? "null" : message.getClass().getName()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
        }
        return bytes.toByteArray();
    }

    /** Decodes what {@link #encode} wrote; a malformed input raises IllegalArgumentException saying what is wrong. */
    public static Object decode(byte[] data) {
        return decode(data, 0, data.length);
    }

    public static Object decode(byte[] data, int offset, int length) {
        if (length >= 2 && data[offset] == SAMPLE_BATCH && data[offset + 1] == VERSION) {
            ByteBuffer in = ByteBuffer.wrap(data, offset + 2, length - 2);
            SampleBatch batch = SampleBatchEncoding.decode(in);
            if (in.hasRemaining()) {
                throw new IllegalArgumentException(in.remaining() + " bytes left over after a record of type " + SAMPLE_BATCH);
            }
            return batch;
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data, offset, length))) {
            byte type = in.readByte();
            byte version = in.readByte();
            if (version != VERSION) {
                throw new IllegalArgumentException("record version " + version + " unknown (this build reads " + VERSION + ")");
            }
            Object result = switch (type) {
                case EVENT -> readEvent(in);
                case HISTORIAN_STATUS -> new HistorianStatus(in.readLong(), in.readLong(), in.readBoolean(), in.readUTF());
                case SPC_RESULT -> readJson(in, SpcResult.class);
                case ALARM_TRANSITION -> readJson(in, AlarmTransition.class);
                case DIVERSION_COMMAND -> readJson(in, DiversionCommand.class);
                case LINE_STATE_CHANGE -> readJson(in, LineStateChange.class);
                case AUDIT_ENTRY -> readJson(in, AuditEntry.class);
                case LOT_RECORD -> readJson(in, LotRecord.class);
                case LOT_SIGNATURE -> readJson(in, LotSignature.class);
                default -> throw new IllegalArgumentException("record type " + type + " unknown");
            };
            if (in.available() > 0) {
                throw new IllegalArgumentException(in.available() + " bytes left over after a record of type " + type);
            }
            return result;
        } catch (IOException e) {
            throw new IllegalArgumentException("record truncated or malformed (" + length + " bytes): " + e, e);
        }
    }

    private static void header(DataOutputStream out, byte type) throws IOException {
        out.writeByte(type);
        out.writeByte(VERSION);
    }

    private static byte journalType(Object message) {
        if (message instanceof SpcResult) {
            return SPC_RESULT;
        } else if (message instanceof AlarmTransition) {
            return ALARM_TRANSITION;
        } else if (message instanceof DiversionCommand) {
            return DIVERSION_COMMAND;
        } else if (message instanceof AuditEntry) {
            return AUDIT_ENTRY;
        } else if (message instanceof LotRecord) {
            return LOT_RECORD;
        } else if (message instanceof LotSignature) {
            return LOT_SIGNATURE;
        }
        return LINE_STATE_CHANGE;
    }

    private static <T> T readJson(DataInputStream in, Class<T> type) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > in.available()) {
            throw new IllegalArgumentException(type.getSimpleName() + " record claims " + length + " bytes of JSON, "
                    + in.available() + " are there");
        }
        return JournalJson.read(in.readNBytes(length), type);
    }

    private static Event readEvent(DataInputStream in) throws IOException {
        String line = in.readUTF();
        String kind = in.readUTF();
        long start = in.readLong();
        long end = in.readLong();
        int n = in.readInt();
        if (n < 0) {
            throw new IllegalArgumentException("negative signal count " + n);
        }
        List<String> signals = new ArrayList<>(Math.min(n, 1024));
        for (int i = 0; i < n; i++) {
            signals.add(in.readUTF());
        }
        return new Event(line, kind, start, end, signals, in.readUTF());
    }
}
