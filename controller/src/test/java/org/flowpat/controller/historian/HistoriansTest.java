package org.flowpat.controller.historian;

import org.flowpat.controller.historian.influx.InfluxHistorian;
import org.flowpat.controller.historian.questdb.QuestDbHistorian;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

class HistoriansTest {
    @TempDir
    Path dataDir;

    @Test
    void withoutAnInfluxUrlTheEmbeddedQuestDbIsUsedUnderTheDataDirectory() throws Exception {
        try (Historian h = Historians.open(null, null, dataDir)) {
            assertInstanceOf(QuestDbHistorian.class, h);
            assertTrue(Files.isDirectory(dataDir.resolve("questdb")));
        }
    }

    @Test
    void anInfluxUrlSelectsInfluxDb() throws Exception {
        try (Historian h = Historians.open("http://127.0.0.1:8086", "plant", dataDir)) {
            assertInstanceOf(InfluxHistorian.class, h);
            assertTrue(h.describe().contains("plant"), h.describe());
        }
    }

    @Test
    void aUrlWithoutSchemeIsRefusedNamingTheOption() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Historians.open("localhost:8086", null, dataDir));
        assertTrue(e.getMessage().contains("--influx"), e.getMessage());
    }
}
