package org.flowpat.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DescribeTest {
    private static final List<String> KEYS = List.of("id", "name", "range", "normal", "nodeId", "samplingIntervalMs");

    @Test
    void editDistanceCountsInsertionsDeletionsSubstitutionsAndSwaps() {
        assertEquals(0, Describe.editDistance("range", "range"));
        assertEquals(1, Describe.editDistance("rnage", "range"));
        assertEquals(2, Describe.editDistance("rnage", "name"));
        assertEquals(1, Describe.editDistance("nam", "name"));
        assertEquals(1, Describe.editDistance("names", "name"));
        assertEquals(3, Describe.editDistance("kitten", "sitting"));
        assertEquals(4, Describe.editDistance("", "name"));
    }

    @Test
    void closestPrefersACaseInsensitiveMatch() {
        assertEquals(Optional.of("nodeId"), Describe.closest("NodeID", KEYS));
        assertEquals(Optional.of("samplingIntervalMs"), Describe.closest("samplingIntervalMS", KEYS));
    }

    @Test
    void closestSuggestsNothingFarAway() {
        assertEquals(Optional.empty(), Describe.closest("colour", KEYS));
        // Short words allow one edit only.
        assertEquals(Optional.empty(), Describe.closest("xy", KEYS));
        assertEquals(Optional.of("id"), Describe.closest("ix", KEYS));
        assertEquals(Optional.of("name"), Describe.closest("naem", List.of("name")));
        assertEquals(Optional.empty(), Describe.closest("mnae", List.of("name")));
        assertEquals(Optional.of("normal"), Describe.closest("nromal", KEYS));
    }
}
