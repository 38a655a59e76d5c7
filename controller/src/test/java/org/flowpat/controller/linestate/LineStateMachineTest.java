package org.flowpat.controller.linestate;

import static org.flowpat.controller.quality.QualityFixtures.SECOND;
import static org.flowpat.controller.quality.QualityFixtures.good;
import static org.flowpat.controller.quality.QualityFixtures.sample;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.flowpat.config.model.InterlockSettings;
import org.flowpat.controller.api.LineCommand;
import org.flowpat.controller.api.LineState;
import org.flowpat.controller.api.LineStateChange;
import org.flowpat.controller.api.Quality;
import org.junit.jupiter.api.Test;

/** The PackML line states: commands, completions, refusals, interlocks, attribution. */
class LineStateMachineTest {
    private final List<LineStateChange> published = new ArrayList<>();
    private final LineStateMachine machine = new LineStateMachine("L1", LineState.STOPPED, published::add);

    private List<LineState> path() {
        return published.stream().map(LineStateChange::to).toList();
    }

    @Test
    void aLineIsResetStartedHeldUnheldAndStoppedThroughItsActingStates() {
        machine.command(LineCommand.RESET, "olga", 1);
        machine.complete(2);
        machine.command(LineCommand.START, "olga", 3);
        machine.complete(4);
        machine.command(LineCommand.HOLD, "olga", 5);
        machine.complete(6);
        machine.command(LineCommand.UNHOLD, "olga", 7);
        machine.complete(8);
        machine.command(LineCommand.STOP, "olga", 9);
        machine.complete(10);
        assertEquals(List.of(LineState.RESETTING, LineState.IDLE, LineState.STARTING, LineState.EXECUTE,
                LineState.HOLDING, LineState.HELD, LineState.UNHOLDING, LineState.EXECUTE, LineState.STOPPING,
                LineState.STOPPED), path());
        assertEquals("olga", published.get(0).by());
        assertEquals(LineStateMachine.SYSTEM, published.get(1).by(), "completions are the system's");
    }

    @Test
    void abortIsAcceptedAlmostEverywhereAndOnlyClearLeavesAborted() {
        machine.command(LineCommand.ABORT, "olga", 1);
        machine.complete(2);
        assertEquals(LineState.ABORTED, machine.state());
        IllegalLineCommandException e = assertThrows(IllegalLineCommandException.class,
                () -> machine.command(LineCommand.START, "olga", 3));
        assertEquals("line L1 is ABORTED: command START is not allowed (allowed: CLEAR)", e.getMessage());
        machine.command(LineCommand.CLEAR, "olga", 4);
        machine.complete(5);
        assertEquals(LineState.STOPPED, machine.state());
    }

    @Test
    void illegalCommandsChangeNothingAndSayWhatIsAllowed() {
        IllegalLineCommandException e = assertThrows(IllegalLineCommandException.class,
                () -> machine.command(LineCommand.HOLD, "olga", 1));
        assertTrue(e.getMessage().contains("STOPPED") && e.getMessage().contains("ABORT, RESET"), e.getMessage());
        machine.command(LineCommand.RESET, "olga", 2);
        e = assertThrows(IllegalLineCommandException.class, () -> machine.command(LineCommand.RESET, "olga", 3));
        assertTrue(e.getMessage().contains("RESETTING"), e.getMessage());
        assertEquals(LineState.RESETTING, machine.state());
        assertEquals(1, published.size());
        assertThrows(IllegalArgumentException.class, () -> machine.command(LineCommand.STOP, "", 4));
    }

    @Test
    void anOverPressureInterlockHoldsTheLineAndAnAnalyzerFaultAsksForDiversion() {
        machine.command(LineCommand.RESET, "olga", 0);
        machine.complete(0);
        machine.command(LineCommand.START, "olga", 0);
        machine.complete(0);
        LineSupervisor supervisor = new LineSupervisor(machine, new Interlocks(List.of(
                new InterlockSettings("over-pressure", "R1.pressure", 15.0, null, null, "HOLD"),
                new InterlockSettings("analyzer-bad", "AT1.purity", null, null, true, "DIVERT"))));
        supervisor.onSample(good("R1.pressure", 7.4, SECOND));
        assertEquals(LineState.EXECUTE, machine.state());
        supervisor.onSample(good("R1.pressure", 16.2, 2 * SECOND));
        assertEquals(LineState.HOLDING, machine.state());
        LineStateChange hold = published.get(published.size() - 1);
        assertEquals("interlock:over-pressure", hold.by());
        assertTrue(hold.reason().contains("16.2"), hold.reason());
        supervisor.onSample(good("R1.pressure", 16.5, 3 * SECOND));
        assertEquals(5, published.size(), "a condition that stays tripped does not command again");

        supervisor.onSample(sample("AT1.purity", Double.NaN, Quality.BAD, 4 * SECOND));
        assertEquals(java.util.Set.of("analyzer-bad"), supervisor.divertingInterlocks());
        supervisor.onSample(good("AT1.purity", 98.7, 5 * SECOND));
        assertEquals(java.util.Set.of(), supervisor.divertingInterlocks());
    }
}
