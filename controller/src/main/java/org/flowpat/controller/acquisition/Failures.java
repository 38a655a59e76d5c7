package org.flowpat.controller.acquisition;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** One-line descriptions of failures for logs and events: the outer message and, if different, the root cause. */
final class Failures {
    private Failures() {
    }

    static String describe(Throwable t) {
        Throwable top = t;
        while ((top instanceof ExecutionException || top instanceof CompletionException) && top.getCause() != null) {
            top = top.getCause();
        }
        Throwable root = top;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String outer = message(top);
        return root == top || message(root).equals(outer) ? outer : outer + " (" + message(root) + ")";
    }

    private static String message(Throwable t) {
        return t.getMessage() != null ? t.getMessage() : t.getClass().getSimpleName();
    }
}
