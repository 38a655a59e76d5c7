package org.flowpat.config.validation;

/** One broken rule: the key path inside the document ({@code lines[0].units[2].range.max}) and what is wrong. */
public record ValidationError(String path, String message) {
}
