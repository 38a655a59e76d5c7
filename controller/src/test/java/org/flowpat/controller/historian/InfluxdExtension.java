package org.flowpat.controller.historian;

import org.flowpat.controller.historian.influx.LocalInfluxd;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Starts a private influxd on loopback for a test class (stopped after it) and hands it to test methods and
 * constructors as a {@link LocalInfluxd} parameter. Without influxd installed the tests fail, naming the package.
 */
public final class InfluxdExtension implements BeforeAllCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(InfluxdExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        influxd(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == LocalInfluxd.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return influxd(context);
    }

    private static LocalInfluxd influxd(ExtensionContext context) {
        ExtensionContext classContext = context;
        while (classContext.getTestMethod().isPresent()) {
            classContext = classContext.getParent().orElseThrow();
        }
        return classContext.getStore(NS).getOrComputeIfAbsent("influxd", key -> {
            try {
                Path dir = Files.createTempDirectory("flowpat-influxd-");
                return new Running(LocalInfluxd.start(dir), dir);
            } catch (Exception e) {
                throw new IllegalStateException("could not start influxd for the test: " + e.getMessage(), e);
            }
        }, Running.class).influxd;
    }

    /** Stops influxd and removes its files when the test class is done. */
    private record Running(LocalInfluxd influxd, Path dir) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() throws Exception {
            influxd.close();
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
