package org.flowpat.controller.historian;

import org.flowpat.controller.historian.influx.InfluxHistorian;
import org.flowpat.controller.historian.influx.LocalInfluxd;
import org.flowpat.controller.historian.questdb.QuestDbHistorian;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The quality journal reads the same from InfluxDB and from the embedded QuestDB, also for part of the range. */
@ExtendWith(InfluxdExtension.class)
class JournalEquivalenceTest {
    @TempDir
    Path tmp;

    @Test
    void bothDatabasesJournalTheSameRecords(LocalInfluxd influxd) throws Exception {
        List<Object> records = JournalData.all("JQ", TestData.BASE);
        try (InfluxHistorian influx = new InfluxHistorian(influxd.url(), "journal_equivalence");
             QuestDbHistorian quest = QuestDbHistorian.open(tmp)) {
            influx.writeJournal(records);
            quest.writeJournal(records);
            for (long[] range : new long[][]{{TestData.BASE, TestData.BASE + 3_600_000_000_000L},
                    {TestData.BASE + 1_000, TestData.BASE + 3_000_000_017L}}) {
                long from = range[0], to = range[1];
                for (String cqa : JournalData.CQAS) {
                    List<?> fromInflux = influx.spcResults("JQ", cqa, from, to);
                    assertFalse(fromInflux.isEmpty());
                    assertEquals(fromInflux, quest.spcResults("JQ", cqa, from, to), "SPC " + cqa);
                }
                assertFalse(influx.alarmJournal("JQ", from, to).isEmpty());
                assertEquals(influx.alarmJournal("JQ", from, to), quest.alarmJournal("JQ", from, to), "alarms");
                assertEquals(influx.diversions("JQ", from, to), quest.diversions("JQ", from, to), "diversions");
                assertFalse(influx.lineStates("JQ", from, to).isEmpty());
                assertEquals(influx.lineStates("JQ", from, to), quest.lineStates("JQ", from, to), "line states");
            }
        }
    }
}
