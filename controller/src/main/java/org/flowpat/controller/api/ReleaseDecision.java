package org.flowpat.controller.api;

/** The outcome of a lot's release rules: review by exception means only REVIEW and REJECT lots need a person's attention first. */
public enum ReleaseDecision {
    RELEASE_READY("RELEASE-READY"), REVIEW("REVIEW"), REJECT("REJECT");

    private final String label;

    ReleaseDecision(String label) {
        this.label = label;
    }

    /** The name shown to people and printed in records, e.g. {@code RELEASE-READY}. */
    public String label() {
        return label;
    }

    /** The stricter of two decisions (REJECT over REVIEW over RELEASE-READY). */
    public ReleaseDecision worse(ReleaseDecision other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
