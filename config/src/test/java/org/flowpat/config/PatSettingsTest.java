package org.flowpat.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.flowpat.config.model.MultivariateSettings;
import org.flowpat.config.model.Plant;
import org.flowpat.config.model.QualitySettings;
import org.flowpat.config.model.SupervisorySettings;
import org.junit.jupiter.api.Test;

/** The multivariate, chemometrics and supervisory settings of the bundled plant, and what is refused. */
class PatSettingsTest {
    /** The bundled plant with texts replaced (pairs of old, new; each old text exactly once): its error messages. */
    private static String errors(String... oldNewPairs) throws Exception {
        String text = Files.readString(Path.of("plants/flow-line.yaml"));
        for (int i = 0; i < oldNewPairs.length; i += 2) {
            assertEquals(text.indexOf(oldNewPairs[i]), text.lastIndexOf(oldNewPairs[i]), "once: " + oldNewPairs[i]);
            assertTrue(text.contains(oldNewPairs[i]), oldNewPairs[i]);
            text = text.replace(oldNewPairs[i], oldNewPairs[i + 1]);
        }
        String yaml = text;
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load("variant.yaml",
                new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), Plant.class));
        return e.getMessage();
    }

    @Test
    void theBundledPlantConfiguresAllThree() throws Exception {
        QualitySettings q = Plants.bundled().lines().get(0).quality();
        MultivariateSettings m = q.multivariate();
        assertEquals(7, m.variables().size());
        assertEquals("AT1.impurity", m.trigger());
        assertEquals("AT1.spectrum", q.chemometrics().spectrum());
        SupervisorySettings s = q.supervisory().get(0);
        assertEquals("P2.flowSetpoint", s.manipulated());
        assertTrue(s.gain() > 0, "conversion rises with the B feed");
    }

    @Test
    void unknownSignalsAndCqasAreNamedWithTheirKeys() throws Exception {
        String message = errors("R1.temperature, R1.pressure, P1.flow", "R1.temperature, R9.pressure, P1.flow",
                "spectrum: AT1.spectrum", "spectrum: AT1.purity",
                "cqa: conversion, target: 99.5", "cqa: yield, target: 99.5",
                "manipulated: P2.flowSetpoint", "manipulated: P2.flow");
        assertTrue(message.contains("quality.multivariate.variables[1]: no signal 'R9.pressure'"), message);
        assertTrue(message.contains("quality.chemometrics.spectrum: AT1.purity is a MEASUREMENT signal, not a SPECTRUM"), message);
        assertTrue(message.contains("quality.supervisory[0].cqa: no CQA 'yield'"), message);
        assertTrue(message.contains("quality.supervisory[0].manipulated: P2.flow is a MEASUREMENT signal and cannot be written"), message);
    }

    @Test
    void valuesOutOfTheirRangeAreRefused() throws Exception {
        String message = errors("components: 3", "components: 7", "trigger: AT1.impurity", "trigger: R1.jacketTemperature",
                "gain: 0.05", "gain: 0", "max: 2.2", "max: 12", "deadband: 0.02", "deadband: -1");
        for (String expected : List.of("quality.multivariate.components: must be in [1, number of variables - 1]",
                "quality.multivariate.trigger: 'R1.jacketTemperature' is not one of the variables",
                "quality.supervisory[0].gain: must not be 0",
                "quality.supervisory[0].max: [min, max] must lie inside the range of P2.flowSetpoint [0.0, 10.0]",
                "quality.supervisory[0].deadband: must be ≥ 0")) {
            assertTrue(message.contains(expected), expected + " in " + message);
        }
    }
}
