package org.flowpat.simulator.server;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.identity.AnonymousProvider;
import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaMonitoredItem;
import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaSubscription;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned;
import org.flowpat.config.Plants;
import org.flowpat.simulator.engine.EngineSettings;
import org.flowpat.simulator.engine.SimulationEngine;
import org.flowpat.simulator.opcua.OpcUaOptions;
import org.flowpat.simulator.opcua.SimulatorNamespace;
import org.flowpat.simulator.opcua.SimulatorOpcUaServer;

/**
 * Scale mode under load: N replicated lines at R Hz in real time served over OPC UA, and one Milo client
 * subscription (in a second JVM, over loopback) on every pushed node. Over a window of D seconds it prints value
 * changes per second sent and received, missed changes, notification latency (source time to client receipt,
 * p50/p99 overall and per 10 s slice, to show whether a backlog grows) and the server process's CPU. Latency is
 * measured from when the step was due on the wall clock (source time plus the engine's constant start-up gap).
 *
 * <p>Usage: {@code ScaleBenchmark [seconds=60] [lines=770] [rateHz=10]}; the bundled line changes about 13 values
 * per step, so 770 lines at 10 Hz make about 100,000 changes per second. Changes are counted by source time on
 * both sides, so "missed" is exact: every change stamped inside the window is either received or missed; exact
 * copies delivered twice by the client are counted once.
 */
public final class ScaleBenchmark {
    private static final long WARMUP_MS = 3_000;
    private static final long DRAIN_MS = 5_000;
    private static final int DEFAULT_LINES = 770;
    private static final int ITEMS_PER_CALL = 1_000;
    private static final int MAX_NOTIFICATIONS_PER_PUBLISH = 15_000; // ~90 bytes each: 1.3 MB, under 2 MiB

    private ScaleBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("--client")) {
            Client.run(args[1], Path.of(args[2]));
            return;
        }
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        int lines = args.length > 1 ? Integer.parseInt(args[1]) : DEFAULT_LINES;
        double rateHz = args.length > 2 ? Double.parseDouble(args[2]) : 10.0;
        if (seconds < 1 || lines < 1 || !(rateHz > 0)) {
            System.err.println("usage: ScaleBenchmark [seconds>=1] [lines>=1] [rateHz>0]");
            System.exit(2);
        }
        run(seconds, lines, rateHz);
    }

    private static void run(int seconds, int lineCount, double rateHz) throws Exception {
        Path dir = Files.createTempDirectory("flowpat-scale-bench");
        var engine = new SimulationEngine(Plants.bundled(), null,
                new EngineSettings(1.0 / rateHz, 1.0, EngineSettings.DEFAULT_SEED, lineCount));
        var options = new OpcUaOptions("127.0.0.1", Ports.resolve("127.0.0.1", 0), dir.resolve("pki"), Map.of());
        try (SimulatorOpcUaServer server = SimulatorOpcUaServer.start(options, engine.lines())) {
            SimulatorNamespace namespace = server.namespace();
            engine.addListener(namespace::afterStep);
            List<String> nodes = namespace.liveNodeIdentifiers();
            Path nodeFile = dir.resolve("nodes.txt");
            Files.write(nodeFile, nodes);
            System.out.printf("scale benchmark: %d lines at %.1f Hz, %d pushed nodes, one subscription in a second JVM%n",
                    lineCount, rateHz, nodes.size());

            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx1g", "-cp", System.getProperty("java.class.path")));
            if (System.getProperty("logback.configurationFile") != null) {
                command.add("-Dlogback.configurationFile=" + System.getProperty("logback.configurationFile"));
            }
            command.addAll(List.of(ScaleBenchmark.class.getName(), "--client", server.endpointUrl(), nodeFile.toString()));
            Process client = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            try (var fromClient = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
                 var toClient = new PrintWriter(client.getOutputStream(), true, StandardCharsets.UTF_8)) {
                String ready = fromClient.readLine();
                while (ready != null && !ready.startsWith("READY")) {
                    ready = fromClient.readLine(); // skip the client's log lines, if it logs to stdout
                }
                if (ready == null) {
                    throw new IllegalStateException("benchmark client exited before subscribing");
                }
                System.out.println("client subscribed: " + ready.substring(6) + " monitored items");
                // Source times are engine epoch + simulated time. How far that axis trails the wall clock (the gap
                // between building and starting the engine) is the smallest delay seen when the first line's step
                // is done: that step runs as soon as it is due. It is taken out of the latency.
                String firstLine = engine.lines().get(0).lineId();
                java.util.concurrent.atomic.AtomicLong minDelay = new java.util.concurrent.atomic.AtomicLong(Long.MAX_VALUE);
                org.flowpat.simulator.engine.StepListener probe = (line, source) -> {
                    if (line.lineId().equals(firstLine)) {
                        minDelay.accumulateAndGet(System.currentTimeMillis() - source, Math::min);
                    }
                };
                engine.addListener(probe);
                engine.start(); // only now, so the engine does not fall behind (and skip) while items are created
                Thread.sleep(WARMUP_MS);
                engine.removeListener(probe);
                long offset = minDelay.get();
                long from = System.currentTimeMillis() + WARMUP_MS - offset;
                long to = from + seconds * 1000L;
                LongAdder sent = new LongAdder();
                namespace.setPublishObserver((value, items) -> {
                    long source = value.sourceTime() == null ? 0 : value.sourceTime().getJavaTime();
                    if (source >= from && source < to) {
                        sent.add(items);
                    }
                });
                toClient.println("WINDOW " + from + " " + to + " " + offset);

                sleepUntil(from + offset);
                var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
                long cpuStart = os.getProcessCpuTime();
                double simStart = engine.simulatedSeconds();
                sleepUntil(to + offset);
                long cpuNanos = os.getProcessCpuTime() - cpuStart;
                double simulated = engine.simulatedSeconds() - simStart;

                List<String> result = new ArrayList<>();
                boolean figures = false;
                for (String line = fromClient.readLine(); line != null; line = fromClient.readLine()) {
                    figures |= line.startsWith("RECEIVED ");
                    if (figures) {
                        result.add(line);
                    }
                }
                client.waitFor(10, TimeUnit.SECONDS);
                namespace.setPublishObserver(null);
                report(seconds, sent.sum(), simulated, cpuNanos, os.getAvailableProcessors(), result);
            } finally {
                client.destroy();
                engine.close();
            }
        }
    }

    private static void report(int seconds, long sent, double simulatedS, long cpuNanos, int cores, List<String> client) {
        long received = client.stream().filter(l -> l.startsWith("RECEIVED ")).mapToLong(l -> Long.parseLong(l.substring(9)))
                .findFirst().orElse(-1);
        System.out.printf("window              %d s wall, %.1f s simulated (engine kept %.0f%% of real time)%n",
                seconds, simulatedS, 100.0 * simulatedS / seconds);
        System.out.printf("changes sent        %d (%.0f/s)%n", sent, sent / (double) seconds);
        System.out.printf("changes received    %d (%.0f/s)%n", received, received / (double) seconds);
        System.out.printf("missed changes      %d%n", sent - received);
        client.stream().filter(l -> !l.startsWith("RECEIVED ")).forEach(l -> System.out.println(l));
        System.out.printf("server process CPU  %.0f%% of one core (%.0f%% of %d cores)%n",
                100.0 * cpuNanos / (seconds * 1e9), 100.0 * cpuNanos / (seconds * 1e9 * cores), cores);
    }

    private static void sleepUntil(long wallMillis) throws InterruptedException {
        long wait;
        while ((wait = wallMillis - System.currentTimeMillis()) > 0) {
            Thread.sleep(Math.min(wait, 500));
        }
    }

    /** The subscriber, run in its own JVM so the server's CPU figure is the server's alone. */
    static final class Client {
        private static final int MAX_LATENCY_MS = 60_000;
        private static final int SLICE_MS = 10_000;
        private static final int RECENT_PER_ITEM = 32;

        private Client() {
        }

        static void run(String endpoint, Path nodeFile) throws Exception {
            List<String> identifiers = Files.readAllLines(nodeFile);
            OpcUaClient client = OpcUaClient.create(endpoint,
                    endpoints -> endpoints.stream().filter(e -> SecurityPolicy.None.getUri().equals(e.getSecurityPolicyUri())).findFirst(),
                    transport -> {
                    }, config -> config.setIdentityProvider(new AnonymousProvider()).setRequestTimeout(Unsigned.uint(60_000)));
            client.connect();
            int ns = client.getNamespaceTable().getIndex(SimulatorNamespace.NAMESPACE_URI).intValue();

            var window = new long[3];
            var latencies = new long[MAX_LATENCY_MS + 1];
            var slices = new ArrayList<long[]>();
            var received = new long[1];
            var overflows = new long[1];
            var duplicates = new long[1];
            var recent = new java.util.HashMap<OpcUaMonitoredItem, java.util.ArrayDeque<DataValue>>();
            var subscription = new OpcUaSubscription(client, 100.0);
            // Both keep messages under Milo's 2 MiB limit: creates in batches, publish responses capped.
            subscription.setMaxMonitoredItemsPerCall(Unsigned.uint(ITEMS_PER_CALL));
            subscription.setMaxNotificationsPerPublish(Unsigned.uint(MAX_NOTIFICATIONS_PER_PUBLISH));
            subscription.setSubscriptionListener(new OpcUaSubscription.SubscriptionListener() {
                @Override
                public void onDataReceived(OpcUaSubscription s, List<OpcUaMonitoredItem> items, List<DataValue> values) {
                    long now = System.currentTimeMillis();
                    synchronized (received) {
                        for (int i = 0; i < values.size(); i++) {
                            DataValue value = values.get(i);
                            long source = value.sourceTime() == null ? 0 : value.sourceTime().getJavaTime();
                            if (window[1] == 0 || source < window[0] || source >= window[1]) {
                                continue;
                            }
                            // A republished copy equals the original in every field, server timestamp included.
                            var seen = recent.computeIfAbsent(items.get(i), k -> new java.util.ArrayDeque<>());
                            if (seen.contains(value)) {
                                duplicates[0]++;
                                continue;
                            }
                            seen.addLast(value);
                            if (seen.size() > RECENT_PER_ITEM) {
                                seen.removeFirst();
                            }
                            received[0]++;
                            if (value.statusCode().isOverflowSet()) {
                                overflows[0]++;
                            }
                            int latency = (int) Math.max(0, Math.min(MAX_LATENCY_MS, now - source - window[2]));
                            latencies[latency]++;
                            int slice = (int) ((source - window[0]) / SLICE_MS);
                            while (slices.size() <= slice) {
                                slices.add(new long[MAX_LATENCY_MS + 1]);
                            }
                            slices.get(slice)[latency]++;
                        }
                    }
                }
            });
            subscription.create();
            List<OpcUaMonitoredItem> items = new ArrayList<>(identifiers.size());
            for (String id : identifiers) {
                OpcUaMonitoredItem item = OpcUaMonitoredItem.newDataItem(new NodeId(ns, id));
                item.setSamplingInterval(100.0);
                item.setQueueSize(Unsigned.uint(10));
                items.add(item);
            }
            subscription.addMonitoredItems(items);
            subscription.synchronizeMonitoredItems();
            System.out.println("READY " + items.size());
            System.out.flush();

            var in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            String[] parts = in.readLine().split(" ");
            synchronized (received) {
                window[0] = Long.parseLong(parts[1]);
                window[1] = Long.parseLong(parts[2]);
                window[2] = Long.parseLong(parts[3]);
            }
            sleepUntil(window[1] + window[2] + DRAIN_MS);
            synchronized (received) {
                System.out.println("RECEIVED " + received[0]);
                System.out.printf("latency             p50 %d ms, p99 %d ms, max %d ms (source time -> client receipt)%n",
                        percentile(latencies, 0.50), percentile(latencies, 0.99), percentile(latencies, 1.0));
                for (int i = 0; i < slices.size(); i++) {
                    System.out.printf("  slice %3d-%3d s   p50 %d ms, p99 %d ms%n", i * SLICE_MS / 1000,
                            (i + 1) * SLICE_MS / 1000, percentile(slices.get(i), 0.50), percentile(slices.get(i), 0.99));
                }
                System.out.println("queue overflows     " + overflows[0]);
                System.out.println("duplicates ignored  " + duplicates[0]);
            }
            System.out.flush();
            try {
                client.disconnect();
            } catch (Exception ignored) {
                // the figures are out; a slow disconnect changes nothing
            }
            System.exit(0);
        }

        private static int percentile(long[] histogram, double p) {
            long total = 0;
            for (long count : histogram) {
                total += count;
            }
            if (total == 0) {
                return -1;
            }
            long rank = (long) Math.ceil(p * total);
            long seen = 0;
            for (int ms = 0; ms < histogram.length; ms++) {
                seen += histogram[ms];
                if (seen >= rank && histogram[ms] > 0) {
                    return ms;
                }
            }
            return histogram.length - 1;
        }
    }
}
