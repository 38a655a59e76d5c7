package org.flowpat.controller.historian;

import org.flowpat.controller.api.Sample;
import org.flowpat.controller.api.SampleBatch;
import org.flowpat.controller.api.codec.RecordEncoding;
import org.flowpat.controller.historian.questdb.QuestDbHistorian;
import org.flowpat.controller.spool.Spool;
import org.flowpat.controller.spool.SpoolConfig;

import java.nio.file.Path;
import java.util.List;

/**
 * Child process of {@link HistorianKillTest}: the historian as in the controller (spool, writer thread,
 * embedded QuestDB) fed with numbered batches; prints each batch number once the spool acknowledged it.
 */
public final class HistorianKillMain {
    static final int PER_BATCH = 100;

    private HistorianKillMain() {
    }

    static List<Sample> batch(long n) {
        return TestData.samples("K1", PER_BATCH / TestData.SIGNALS.size(), TestData.BASE + n * 1_000_000_000L, 1_000_000L);
    }

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args[0]);
        QuestDbHistorian historian = QuestDbHistorian.open(dataDir);
        Spool spool = Spool.open(SpoolConfig.defaults(Historians.spoolDirectory(dataDir)));
        new SpoolDrainer(spool, historian).start();
        for (long n = 1; n < 1_000_000; n++) {
            spool.append(RecordEncoding.encode(new SampleBatch(batch(n))));
            System.out.println(n);
            System.out.flush();
            Thread.sleep(2);
        }
    }
}
