package org.flowpat.config.model;

/** Alarm priority (ISA-18.2 suggests roughly 80/15/5 % low/medium/high). */
public enum AlarmPriority {
    LOW, MEDIUM, HIGH
}
