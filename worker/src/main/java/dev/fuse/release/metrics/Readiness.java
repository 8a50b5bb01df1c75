package dev.fuse.release.metrics;

import io.grpc.StatusRuntimeException;
import io.temporal.api.workflowservice.v1.GetSystemInfoRequest;
import io.temporal.serviceclient.WorkflowServiceStubs;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Ready: the worker polls and Temporal answers now. Null when ready, else why not. */
public final class Readiness implements Supplier<String> {
    private final BooleanSupplier polling;
    private final WorkflowServiceStubs stubs;

    public Readiness(BooleanSupplier polling, WorkflowServiceStubs stubs) {
        this.polling = polling;
        this.stubs = stubs;
    }

    @Override
    public String get() {
        if (!polling.getAsBoolean()) return "the worker is not polling (starting or shutting down)";
        try {
            stubs.blockingStub()
                    .withDeadlineAfter(2, TimeUnit.SECONDS)
                    .getSystemInfo(GetSystemInfoRequest.getDefaultInstance());
            return null;
        } catch (StatusRuntimeException e) {
            return "Temporal does not answer: " + e.getStatus().getCode();
        }
    }
}
