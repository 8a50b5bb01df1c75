package dev.fuse.release.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.temporal.activity.ActivityExecutionContext;
import io.temporal.activity.ActivityInfo;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptor;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptorBase;
import io.temporal.common.interceptors.WorkerInterceptorBase;
import io.temporal.failure.ApplicationFailure;

/**
 * Times every activity as a stage of a target ({@code fuse_release_stage_seconds}, a histogram by
 * stage, target and outcome) and counts failures by their type, for every activity at once
 * rather than in each implementation. The target is read off the task queue.
 */
public final class StageMetrics extends WorkerInterceptorBase {
    static final String QUEUE_PREFIX = "fuse-release-";

    private final MeterRegistry registry;

    public StageMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public ActivityInboundCallsInterceptor interceptActivity(ActivityInboundCallsInterceptor next) {
        return new Timed(next);
    }

    /**
     * linux-x64 for fuse-release-linux-x64 (and its workers' own queues), signer for
     * fuse-release-signer, orchestrator otherwise.
     */
    static String targetOf(String taskQueue) {
        if (!taskQueue.startsWith(QUEUE_PREFIX)) return "orchestrator";
        String rest = taskQueue.substring(QUEUE_PREFIX.length());
        int worker = rest.indexOf('@');
        return worker < 0 ? rest : rest.substring(0, worker);
    }

    static String failureType(Throwable e) {
        return e instanceof ApplicationFailure app && app.getType() != null
                ? app.getType()
                : e.getClass().getSimpleName();
    }

    private final class Timed extends ActivityInboundCallsInterceptorBase {
        private ActivityInfo info;

        Timed(ActivityInboundCallsInterceptor next) {
            super(next);
        }

        @Override
        public void init(ActivityExecutionContext context) {
            info = context.getInfo();
            super.init(context);
        }

        @Override
        public ActivityOutput execute(ActivityInput input) {
            String stage = info.getActivityType();
            String target = targetOf(info.getActivityTaskQueue());
            Timer.Sample sample = Timer.start(registry);
            String outcome = "completed";
            try {
                return super.execute(input);
            } catch (RuntimeException e) {
                outcome = "failed";
                Counter.builder("fuse_release_failures")
                        .description("Activity failures by stage, target and failure type")
                        .tags("stage", stage, "target", target, "type", failureType(e))
                        .register(registry)
                        .increment();
                throw e;
            } finally {
                sample.stop(Timer.builder("fuse_release_stage")
                        .description("How long each stage of a target took")
                        .tags("stage", stage, "target", target, "outcome", outcome)
                        .register(registry));
            }
        }
    }
}
