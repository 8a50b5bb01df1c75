package dev.fuse.release.contract.model;

/** The staged evidence files: slo-report.json (all figures) and report.html (for people). */
public record SloReportResult(ArtifactRef json, ArtifactRef html) {}
