package org.flowpat.controller.api.codec;

import org.flowpat.controller.api.Sample;
import org.flowpat.controller.api.SampleBatch;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The body of a {@link SampleBatch} record, byte for byte what {@link java.io.DataOutputStream} writes (an int count,
 * then per sample line and signal as {@code writeUTF}, value, source time, receive time and status), written and
 * read through one {@link ByteBuffer}: the stream classes cost a synchronized call per number, which made encoding
 * and decoding a visible share of the historian's CPU at 100,000 samples/s. Names are nearly always ASCII, which
 * modified UTF-8 stores as the same bytes; anything else takes the stream classes' path.
 */
final class SampleBatchEncoding {
    /** Bytes of a sample besides its two names: two length prefixes, a double and three longs. */
    private static final int FIXED_BYTES = 2 + 2 + 4 * 8;

    private SampleBatchEncoding() {
    }

    /** The record: the header bytes, then the batch. */
    static byte[] encode(byte type, byte version, SampleBatch batch) {
        List<Sample> samples = batch.samples();
        // Consecutive samples of a batch share their line (and its String): its bytes are made once.
        String lastLine = null;
        byte[] lineBytes = null;
        int size = 2 + 4;
        for (Sample s : samples) {
            if (s.line() != lastLine) {
                lastLine = s.line();
                lineBytes = utf(lastLine);
            }
            size += FIXED_BYTES + lineBytes.length + utfLength(s.signal());
        }
        ByteBuffer out = ByteBuffer.allocate(size);
        out.put(type).put(version).putInt(samples.size());
        lastLine = null;
        for (Sample s : samples) {
            if (s.line() != lastLine) {
                lastLine = s.line();
                lineBytes = utf(lastLine);
            }
            out.putShort((short) lineBytes.length).put(lineBytes);
            putUtf(out, s.signal());
            out.putDouble(s.value()).putLong(s.sourceTimeNanos()).putLong(s.receiveTimeNanos()).putLong(s.statusCode());
        }
        return out.array();
    }

    /** Reads the batch that starts at the buffer's position (after the header) up to its limit. */
    static SampleBatch decode(ByteBuffer in) {
        try {
            int count = in.getInt();
            if (count < 0) {
                throw new IllegalArgumentException("negative sample count " + count);
            }
            List<Sample> samples = new ArrayList<>(Math.min(count, in.remaining() / FIXED_BYTES + 1));
            String line = null;
            for (int i = 0; i < count; i++) {
                line = readUtf(in, line); // the previous line, when the bytes say it is the same
                String signal = readUtf(in, null);
                samples.add(new Sample(line, signal, in.getDouble(), in.getLong(), in.getLong(), in.getLong()));
            }
            return new SampleBatch(samples);
        } catch (BufferUnderflowException e) {
            throw new IllegalArgumentException("sample batch truncated after " + in.position() + " bytes", e);
        }
    }

    private static byte[] utf(String s) {
        if (ascii(s)) {
            return s.getBytes(StandardCharsets.ISO_8859_1);
        }
        byte[] bytes = new byte[utfLength(s)];
        putUtfChars(ByteBuffer.wrap(bytes), s);
        return bytes;
    }

    private static void putUtf(ByteBuffer out, String s) {
        int length = utfLength(s);
        out.putShort((short) length);
        putUtfChars(out, s);
    }

    /** Modified UTF-8 as DataOutputStream writes it: NUL and non-ASCII as two or three bytes. */
    private static void putUtfChars(ByteBuffer out, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x0001 && c <= 0x007F) {
                out.put((byte) c);
            } else if (c <= 0x07FF) {
                out.put((byte) (0xC0 | (c >> 6))).put((byte) (0x80 | (c & 0x3F)));
            } else {
                out.put((byte) (0xE0 | (c >> 12))).put((byte) (0x80 | ((c >> 6) & 0x3F))).put((byte) (0x80 | (c & 0x3F)));
            }
        }
    }

    private static int utfLength(String s) {
        int length = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            length += c >= 0x0001 && c <= 0x007F ? 1 : c <= 0x07FF ? 2 : 3;
        }
        if (length > 0xFFFF) {
            throw new IllegalArgumentException("name of " + length + " bytes is too long to encode: " + s.substring(0, 40) + "...");
        }
        return length;
    }

    private static boolean ascii(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == 0 || c > 0x7F) {
                return false;
            }
        }
        return true;
    }

    /** One name; {@code same} is returned instead of a new String when the bytes spell it. */
    private static String readUtf(ByteBuffer in, String same) {
        int length = Short.toUnsignedInt(in.getShort());
        if (length > in.remaining()) {
            throw new BufferUnderflowException();
        }
        byte[] array = in.array();
        int from = in.arrayOffset() + in.position();
        boolean ascii = true;
        for (int i = from; i < from + length; i++) {
            if (array[i] <= 0) {
                ascii = false;
                break;
            }
        }
        String s;
        if (!ascii) {
            s = readModifiedUtf(array, from - 2, length + 2);
        } else if (same != null && same.length() == length && sameAscii(same, array, from)) {
            s = same;
        } else {
            s = new String(array, from, length, StandardCharsets.ISO_8859_1);
        }
        in.position(in.position() + length);
        return s;
    }

    private static boolean sameAscii(String s, byte[] array, int from) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) != array[from + i]) {
                return false;
            }
        }
        return true;
    }

    private static String readModifiedUtf(byte[] array, int from, int length) {
        try {
            return new DataInputStream(new ByteArrayInputStream(array, from, length)).readUTF();
        } catch (IOException e) {
            throw new IllegalArgumentException("malformed name in a sample batch: " + e.getMessage(), e);
        }
    }
}
