package org.flowpat.config;

/**
 * One problem in a configuration file, located by file, 1-based line and key path.
 * {@code line} is 0 when the problem has no line (the file is missing or unreadable);
 * {@code path} is empty when the problem concerns the document as a whole.
 */
public record ConfigError(String file, int line, String path, String message) {
    /** What the error line shows for a problem with the whole document rather than one key. */
    public static final String DOCUMENT = "(document)";

    public ConfigError {
        file = file == null ? "" : file;
        path = path == null ? "" : path;
        message = message == null ? "" : message;
    }

    /** {@code file:line: path: message}, e.g. {@code plants/flow-line.yaml:42: lines[0].units[2].signals[1].range.max: must be greater than min}. */
    @Override
    public String toString() {
        return file + ":" + line + ": " + (path.isEmpty() ? DOCUMENT : path) + ": " + message;
    }
}
