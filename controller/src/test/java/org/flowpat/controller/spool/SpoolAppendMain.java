package org.flowpat.controller.spool;

import java.io.PrintStream;
import java.nio.file.Path;

/**
 * Child process of {@link SpoolKillTest}: appends records as fast as it can and prints each sequence number
 * once append returned (the acknowledgement), until killed.
 */
public final class SpoolAppendMain {
    private SpoolAppendMain() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        long limit = Long.parseLong(args[1]);
        PrintStream out = System.out;
        Spool spool = Spool.open(SpoolConfig.defaults(dir).withSegmentBytes(64 << 10).withCapacityBytes(256L << 20));
        for (long i = spool.lastAppended() + 1; i <= limit; i++) {
            long seq = spool.append(SpoolTest.payload(i));
            out.println(seq);
            out.flush();
        }
        Thread.sleep(60_000); // the test kills it before this ends
    }
}
