package dev.fuse.release.contract.model;

/** What planning needs: the request, plus the ids only the workflow knows (staging is per run). */
public record PlanRequest(ReleaseRequest request, String workflowId, String runId) {}
