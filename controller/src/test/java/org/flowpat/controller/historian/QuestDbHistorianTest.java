package org.flowpat.controller.historian;

import org.flowpat.controller.api.Sample;
import org.flowpat.controller.historian.questdb.QuestDbHistorian;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class QuestDbHistorianTest extends HistorianContract {
    @TempDir
    static Path classDir; // static: ready before @BeforeAll, removed after @AfterAll closed the engine

    private QuestDbHistorian historian;

    @BeforeAll
    void open() throws Exception {
        historian = QuestDbHistorian.open(classDir);
    }

    @AfterAll
    void close() {
        historian.close();
    }

    @Override
    Historian historian() {
        return historian;
    }

    @Test
    void dataSurvivesClosingAndReopening() throws Exception {
        Path dir = tmp.resolve("reopen");
        List<Sample> samples = TestData.samples("R1", 200, TestData.BASE, 10_000_000L);
        try (QuestDbHistorian first = QuestDbHistorian.open(dir)) {
            first.write(samples, List.of());
        }
        try (QuestDbHistorian second = QuestDbHistorian.open(dir)) {
            assertEquals(samples.size(), second.countSamples("R1", TestData.BASE, TestData.BASE + 60_000_000_000L));
            second.write(samples, List.of());
            assertEquals(samples.size(), second.countSamples("R1", TestData.BASE, TestData.BASE + 60_000_000_000L), "no duplicates");
        }
    }
}
