package org.flowpat.controller.acquisition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.flowpat.config.Plants;
import org.flowpat.config.model.Line;
import org.flowpat.config.model.Signal;
import org.flowpat.config.model.SignalKind;
import org.junit.jupiter.api.Test;

/** Which signal goes over which path, at what rate, derived from the bundled plant file. */
class AcquisitionPlanTest {
    private final Line line = Plants.bundled().lines().get(0);

    AcquisitionPlanTest() throws Exception {
    }

    private List<Signal> signals() {
        return line.units().stream().flatMap(u -> u.signals().stream()).toList();
    }

    @Test
    void opcUaFirstTakesEverySignalWithANodeIdAndPollsOnlyPlcOnlySignals() {
        AcquisitionPlan plan = AcquisitionPlan.of(line, SourcePreference.OPC_UA, 100);
        long withNode = signals().stream().filter(s -> s.nodeId() != null).count();
        long plcOnly = signals().stream().filter(s -> s.nodeId() == null && s.plcTag() != null).count();
        assertEquals(withNode, plan.opcUa().size());
        assertEquals(plcOnly, plan.plc().size());
        assertEquals("L1", plan.lineId());
    }

    @Test
    void plcPreferenceMovesEveryTaggedSignalToThePlcAndEachSignalHasExactlyOnePath() {
        AcquisitionPlan plan = AcquisitionPlan.of(line, SourcePreference.PLC, 100);
        long tagged = signals().stream().filter(s -> s.plcTag() != null).count();
        assertEquals(tagged, plan.plc().size());
        assertTrue(plan.plc().stream().anyMatch(p -> p.signalRef().equals("P1.flow")
                && p.tagAddress().equals("input-register:1:REAL")));
        Set<String> refs = new HashSet<>(plan.signalRefs());
        assertEquals(plan.signalRefs().size(), refs.size(), "no signal on two paths");
        assertEquals(signals().size(), refs.size(), "no signal left out");
    }

    @Test
    void spectraSetpointsAndDefaultsAreCarriedOver() {
        AcquisitionPlan plan = AcquisitionPlan.of(line, SourcePreference.OPC_UA, 250);
        OpcUaItem spectrum = plan.opcUa().stream().filter(i -> i.signalRef().equals("AT1.spectrum")).findFirst()
                .orElseThrow();
        assertTrue(spectrum.spectrum());
        OpcUaItem setpoint = plan.opcUa().stream().filter(i -> i.signalRef().equals("R1.jacketSetpoint")).findFirst()
                .orElseThrow();
        assertTrue(setpoint.writable());
        assertEquals(250, setpoint.samplingIntervalMs(), "default sampling interval for signals without their own");
        assertEquals("nsu=urn:flowpat:simulator;s=L1.R1.jacketSetpoint", setpoint.nodeId());
        OpcUaItem temperature = plan.opcUa().stream().filter(i -> i.signalRef().equals("R1.temperature"))
                .findFirst().orElseThrow();
        assertFalse(temperature.writable() || temperature.spectrum());
        assertEquals(signals().stream().filter(s -> s.kind() == SignalKind.SPECTRUM).count(),
                plan.opcUa().stream().filter(OpcUaItem::spectrum).count());
    }

    @Test
    void queueHoldsEverySampleOfALatePublish() {
        OpcUaItem item = new OpcUaItem("R1.temperature", "ns=1;s=x", 100, 0, false, false);
        assertEquals(26, item.queueSize(500), "5 samples per publish, 20 more for a publish 2 s late, plus one");
        assertEquals(4, new OpcUaItem("a.b", "ns=1;s=x", 1000, 0, false, false).queueSize(100),
                "sampling slower than publishing: one sample per publish, two for 2 s late, plus one");
        assertEquals(11, new OpcUaItem("a.b", "ns=1;s=x", 1000, 0, false, false).queueSize(5_000),
                "a publishing interval longer than 2 s: late by one more interval");
        assertEquals(10_000, new OpcUaItem("a.b", "ns=1;s=x", 1, 0, false, false).queueSize(60_000));
    }

    @Test
    void plcWritesSendTheTypeTheTagHolds() {
        assertEquals(Boolean.TRUE, new PlcItem("P1.running", "coil:1", true).plcValue(1));
        assertEquals(Boolean.FALSE, new PlcItem("P1.running", "coil:1", true).plcValue(0));
        assertEquals(1.5f, new PlcItem("P1.flowSetpoint", "holding-register:1:REAL", true).plcValue(1.5));
        assertEquals(42L, new PlcItem("X.count", "holding-register:9", true).plcValue(41.6));
    }
}
