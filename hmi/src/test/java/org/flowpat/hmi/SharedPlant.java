package org.flowpat.hmi;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One {@link RunningPlant} for every test class that asks for it as a parameter: started on first use, closed when
 * the whole test run ends (the root store closes it), so the browser tests pay the start-up once. Its lots close
 * after {@value #LOT_MINUTES} minutes of data time, about {@code 20 s} at the fixture's 30× time scale, so a test
 * sees closed lots within a minute or two.
 */
final class SharedPlant implements ParameterResolver {
    static final double LOT_MINUTES = 10;
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(SharedPlant.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == RunningPlant.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(NS).getOrComputeIfAbsent("plant", key -> Running.start(), Running.class).plant;
    }

    private record Running(RunningPlant plant, Path dir) implements ExtensionContext.Store.CloseableResource {
        static Running start() {
            Path dir = null;
            try {
                dir = Files.createTempDirectory("flowpat-shared-plant");
                return new Running(RunningPlant.start(dir, LOT_MINUTES), dir);
            } catch (Exception e) {
                delete(dir);
                throw new IllegalStateException("the shared running plant did not start: " + e, e);
            }
        }

        @Override
        public void close() throws Exception {
            try {
                plant.close();
            } finally {
                delete(dir);
            }
        }

        private static void delete(Path dir) {
            if (dir == null) {
                return;
            }
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // a leftover temp folder is no test failure
            }
        }
    }
}
