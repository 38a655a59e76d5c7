package org.flowpat.controller.spool;

import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * A record on disk: payload length (int), CRC-32C (int) of sequence and payload, sequence (long), payload.
 * The length is checked against the file and the CRC against the content, so a record torn by a crash
 * mid-write is recognised and never read as data.
 */
final class RecordFormat {
    static final int HEADER_BYTES = 16;

    private RecordFormat() {
    }

    static byte[] encode(long sequence, byte[] payload) {
        ByteBuffer buf = ByteBuffer.allocate(HEADER_BYTES + payload.length);
        buf.putInt(payload.length);
        buf.putInt(crc(sequence, payload));
        buf.putLong(sequence);
        buf.put(payload);
        return buf.array();
    }

    static int crc(long sequence, byte[] payload) {
        CRC32C crc = new CRC32C();
        crc.update(ByteBuffer.allocate(8).putLong(0, sequence));
        crc.update(payload);
        return (int) crc.getValue();
    }
}
