package org.flowpat.controller.historian;

import org.flowpat.controller.api.Event;
import org.flowpat.controller.api.Quality;
import org.flowpat.controller.api.Sample;
import org.flowpat.controller.api.SampleBatch;
import org.flowpat.controller.api.codec.RecordEncoding;
import org.flowpat.controller.spool.Spool;
import org.flowpat.controller.spool.SpoolConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class SpoolDrainerTest {
    @TempDir
    Path tmp;

    /** Keeps what it is given, in order. */
    private static final class Recording implements Historian {
        final List<Sample> samples = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void write(List<Sample> s, List<Event> e) {
            samples.addAll(s);
        }

        @Override
        public void writeJournal(List<?> records) {
        }

        @Override
        public List<Sample> raw(String line, String signal, long fromNanos, long toNanos) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<TrendBucket> downsampled(String line, String signal, long fromNanos, long toNanos, Duration bucket) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Event> events(String line, long fromNanos, long toNanos) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long countSamples(String line, long fromNanos, long toNanos) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Object> readJournal(JournalKind kind, String line, Map<String, String> keyFilter, long fromNanos, long toNanos) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String describe() {
            return "recording";
        }

        @Override
        public void close() {
        }
    }

    private static SampleBatch batch(int n) {
        return new SampleBatch(List.of(new Sample("L1", "R1.temperature", n, n, n + 1, Quality.GOOD_CODE)));
    }

    @Test
    void aMessageHandedOverIsWrittenAsHeldAndEveryOtherIsDecodedFromTheSpoolInOrder() throws Exception {
        Recording db = new Recording();
        int records = SpoolDrainer.MAX_HANDED_OVER + 500; // more than are held: the rest come from the bytes
        List<Sample> expected = new ArrayList<>();
        try (Spool spool = Spool.open(SpoolConfig.defaults(tmp.resolve("spool")))) {
            SpoolDrainer drainer = new SpoolDrainer(spool, db);
            for (int i = 0; i < records; i++) {
                SampleBatch b = batch(i);
                long sequence = spool.append(RecordEncoding.encode(b));
                if (i == 7) {
                    // A stand-in that differs from the bytes shows which one the writer took.
                    SampleBatch held = batch(-7);
                    drainer.appended(sequence, held);
                    expected.addAll(held.samples());
                } else {
                    drainer.appended(sequence, b);
                    expected.addAll(b.samples());
                }
            }
            drainer.start();
            assertTrue(drainer.drainAndStop(Duration.ofSeconds(30)));
        }
        assertEquals(expected, db.samples);
    }
}
