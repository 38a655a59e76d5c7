package org.flowpat.simulator.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import org.flowpat.config.Plants;
import org.flowpat.config.model.Line;
import org.junit.jupiter.api.Test;

/** Scale mode's copies of the bundled line: each has its own nodes, the rest is shared. */
class LineReplicatorTest {

    @Test
    void copiesNameTheirOwnNodesAndTheirOwnLotContext() throws Exception {
        Line template = Plants.bundled().lines().get(0);
        List<Line> lines = LineReplicator.replicate(template, 3);
        assertSame(template, lines.get(0), "L1 is the template itself");
        Line third = lines.get(2);
        assertEquals("L3", third.id());
        assertEquals("nsu=urn:flowpat:simulator;s=L3.R1.temperature", third.signal("R1.temperature").orElseThrow().nodeId());
        assertEquals("nsu=urn:flowpat:simulator;s=L3.AT1.Channel1.Stream1.Context.LotID",
                third.quality().lots().contextNodeId());
        assertEquals(template.quality().charts(), third.quality().charts());
    }
}
