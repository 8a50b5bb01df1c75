package dev.fuse.release.metrics;

import com.uber.m3.tally.RootScopeBuilder;
import com.uber.m3.tally.Scope;
import com.uber.m3.util.Duration;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.temporal.common.reporter.MicrometerClientStatsReporter;

/**
 * The registry a worker with metrics on reports into: the Temporal SDK's own metrics through its
 * Micrometer reporter (as Temporal documents), the JVM's, and ours, which the activities record
 * on Micrometer's global registry and the workflows on the SDK's replay-aware scope.
 */
public final class WorkerMetrics {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Scope sdkScope;

    /**
     * Bucket bounds of every timer's histogram. The SDK asks for Micrometer's percentile
     * histograms (about 70 buckets per series, a 2 MB scrape after one release); these ten span a
     * poll's milliseconds to an approval's hours.
     */
    static final long[] BUCKET_MILLIS = {5, 25, 100, 500, 1_000, 5_000, 30_000, 120_000, 600_000, 3_600_000, 86_400_000
    };

    public WorkerMetrics() {
        registry.config().meterFilter(new FewBuckets());
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        Metrics.addRegistry(registry);
        sdkScope = new RootScopeBuilder()
                .reporter(new MicrometerClientStatsReporter(registry))
                .reportEvery(Duration.ofSeconds(1));
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    /** For the service stubs' options: the SDK's worker and client metrics. */
    public Scope sdkScope() {
        return sdkScope;
    }

    /** Timers get {@link #BUCKET_MILLIS} instead of percentile histograms. */
    private static final class FewBuckets implements MeterFilter {
        @Override
        public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
            if (id.getType() != Meter.Type.TIMER) return config;
            double[] bounds = new double[BUCKET_MILLIS.length];
            for (int i = 0; i < bounds.length; i++) bounds[i] = BUCKET_MILLIS[i] * 1_000_000.0;
            return DistributionStatisticConfig.builder()
                    .percentilesHistogram(false)
                    .serviceLevelObjectives(bounds)
                    .build()
                    .merge(config);
        }
    }
}
