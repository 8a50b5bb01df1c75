package dev.fuse.release.e2e;

import static dev.fuse.release.e2e.WorkerProcesses.awaitPhase;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fuse.release.devstack.DevStack;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A worker JVM with {@code FUSE_RELEASE_METRICS_ADDRESS} and JSON logs: health and readiness
 * answer, and after a release is published {@code /metrics}, scraped over HTTP, parses as
 * Prometheus text and its counters and histograms moved by what the release did.
 */
class MetricsIT {
    /** A sample line of the text format: name, optional labels, value. */
    static final Pattern SAMPLE =
            Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{[^}]*\\})? (-?[0-9.eE+-]+|NaN|[+-]Inf)");

    static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path data;

    @Test
    void aReleaseMovesTheWorkersCountersAndHistograms() throws Exception {
        int port = Ports.free();
        String base = "http://127.0.0.1:" + port;
        try (DevStack stack = DevStack.start(data.resolve("stack"), null, 0, 0, null, false)) {
            Map<String, String> env = CliRun.envOf(stack);
            Path repo = data.resolve("repo");
            ExampleVariants.prepare(repo, tree -> {});
            try (WorkerProcesses workers = new WorkerProcesses(data, env, stack.signingKey())) {
                Map<String, String> vars = workers.withKey(workers.linux("work", Map.of()));
                vars.put("FUSE_RELEASE_ORCHESTRATOR", "true");
                vars.put("FUSE_RELEASE_METRICS_ADDRESS", "127.0.0.1:" + port);
                vars.put("FUSE_RELEASE_LOG_FORMAT", "json");
                workers.start("worker", vars);
                workers.awaitLog("worker", "/readyz", Duration.ofMinutes(1));
                assertThat(get(base + "/healthz").statusCode()).isEqualTo(200);
                Await.until("the worker is ready", Duration.ofSeconds(30), () -> ready(base) ? true : null);

                assertThat(CliRun.startLinuxX64(env, "0.17.0", repo).exitCode()).isZero();
                awaitPhase(env, "0.17.0", "AWAITING_APPROVAL", Duration.ofMinutes(3));
                CliRun approve = CliRun.run(env, "approve", "0.17.0", "--approver", "alice", "--comment", "ok");
                assertThat(approve.exitCode()).as(approve.toString()).isZero();
                awaitPhase(env, "0.17.0", "PUBLISHED", Duration.ofMinutes(2));

                // The SDK's scope reports every second; the published count arrives with it.
                Await.until(
                        "the release counted as published",
                        Duration.ofSeconds(30),
                        () -> published(base) ? true : null);
                String metrics = scrape(base);
                assertThat(value(
                                metrics,
                                "fuse_release_stage_seconds_count",
                                "stage=\"BuildTarget\"",
                                "target=\"linux-x64\""))
                        .isGreaterThanOrEqualTo(1);
                assertThat(metrics)
                        .contains("fuse_release_stage_seconds_bucket{")
                        .contains("le=\"30.0\"");
                assertThat(value(metrics, "fuse_release_stage_seconds_count", "stage=\"Publish\"", "target=\"signer\""))
                        .isEqualTo(1);
                assertThat(value(metrics, "fuse_release_approval_wait_seconds_count", "decision=\"approved\""))
                        .isEqualTo(1);
                assertThat(value(metrics, "fuse_release_written_bytes_total", "area=\"staging\""))
                        .isPositive();
                assertThat(value(metrics, "fuse_release_written_bytes_total", "area=\"releases\""))
                        .isPositive();
                assertThat(value(metrics, "fuse_release_upload_seconds_count", "area=\"releases\""))
                        .isPositive();
                assertThat(value(metrics, "temporal_workflow_completed_total", "workflow_type=\"FuseRelease\""))
                        .isEqualTo(1);
                assertThat(metrics).contains("jvm_memory_used_bytes");
            }
            assertJsonLogLines(data.resolve("worker.log"));
        }
    }

    /** Every line of the worker's log format is one JSON object; the command's own lines are plain. */
    private static void assertJsonLogLines(Path log) throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<String> objects =
                Files.readAllLines(log).stream().filter(l -> l.startsWith("{")).toList();
        assertThat(objects).isNotEmpty();
        for (String line : objects) {
            assertThat(json.readTree(line).has("level")).as(line).isTrue();
        }
    }

    private static boolean ready(String base) throws Exception {
        return get(base + "/readyz").statusCode() == 200;
    }

    private static boolean published(String base) throws Exception {
        return value(scrape(base), "fuse_release_releases_total", "outcome=\"published\"") >= 1;
    }

    private static String scrape(String base) throws Exception {
        HttpResponse<String> r = get(base + "/metrics");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain; version=0.0.4");
        for (String line : r.body().split("\n")) {
            if (line.isEmpty() || line.startsWith("# HELP ") || line.startsWith("# TYPE ")) continue;
            assertThat(SAMPLE.matcher(line).matches())
                    .as("a Prometheus sample line: " + line)
                    .isTrue();
        }
        return r.body();
    }

    /** The sum of the samples named {@code name} whose labels contain every one of {@code labels}. */
    private static double value(String metrics, String name, String... labels) {
        double sum = 0;
        for (String line : metrics.split("\n")) {
            Matcher m = SAMPLE.matcher(line);
            if (!m.matches() || !m.group(1).equals(name)) continue;
            String found = m.group(2) == null ? "" : m.group(2);
            if (List.of(labels).stream().allMatch(found::contains)) sum += Double.parseDouble(m.group(3));
        }
        return sum;
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(10))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
