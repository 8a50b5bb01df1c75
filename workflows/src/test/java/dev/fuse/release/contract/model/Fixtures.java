package dev.fuse.release.contract.model;

import java.util.ArrayList;
import java.util.List;

/** Realistic records for workflow tests: the example project's plan and artifacts. */
public final class Fixtures {
    public static final String VERSION = "0.4.0";
    public static final String COMMIT = "aa2e1786ec9262f1486311f333d793e0a3062560";
    public static final long EPOCH = 1767225600L;
    public static final String BUCKET = "fuse-releases";

    public static final SloThresholds SLO = new SloThresholds(30, 20, 25_000_000, 600, 0);

    private Fixtures() {}

    /** Figures of a target that passes every gate, or with {@code aotP50} making cold start fail. */
    public static MeasureResult measured(Target target, double aotP50) {
        List<Double> aot = List.of(aotP50, aotP50 + 1, aotP50 + 2);
        List<Double> jit = List.of(500.0, 520.0, 560.0);
        MeasurementProtocol protocol = new MeasurementProtocol(
                "Linux",
                "amd64",
                "test cpu",
                2,
                "linux-x64",
                false,
                target.triple(),
                COMMIT,
                List.of("AOT: hello-http"),
                sha('0'),
                0.5,
                0.6,
                "nearest-rank");
        return new MeasureResult(
                target,
                new ColdStart("aot", List.of("hello-http"), aot, aot.get(1), aot.get(2)),
                new ColdStart("jit-native", List.of("java", "Hello.java"), jit, 520.0, 560.0),
                17_168,
                14_472,
                2,
                List.of(1.5, 2.0),
                2.0,
                protocol);
    }

    public static ParityResult parity(Target target, int failures) {
        List<String> divergences = failures == 0 ? List.of() : List.of("root: GET /: AOT 200 'a' != JIT 200 'b'");
        return new ParityResult(target, 4, failures, divergences, null);
    }

    public static RuntimeChecks runtime(Target target, List<String> problems) {
        return new RuntimeChecks(target, java.util.Map.of("target", target.id(), "profile", "release"), problems);
    }

    public static ReleaseRequest request() {
        return ReleaseRequest.builder(VERSION, "/tmp/example-repo", "main")
                .targets(Target.allIds())
                .requestedBy("alice")
                .approvalTimeoutSeconds(ReleaseRequest.DEFAULT_APPROVAL_TIMEOUT_SECONDS)
                .build();
    }

    public static ReleasePlan plan(String runId, boolean allowEmulatedPublish) {
        return new ReleasePlan(
                new ReleasePlan.Source(
                        VERSION,
                        "fuse",
                        "/tmp/example-repo",
                        COMMIT,
                        EPOCH,
                        sha('r'),
                        null,
                        new Toolchain("stable", "minimal", "rustfmt,clippy", "24")),
                new ReleasePlan.Staging(BUCKET, runId, "staging/" + VERSION + "/" + runId + "/", List.of()),
                new ReleasePlan.Policy(allowEmulatedPublish, true, true),
                new ReleasePlan.ContractTerms("aot-release-contract/v0.4", SLO, null, null),
                Target.values(),
                List.of());
    }

    /** The worker every fixture build ran on. */
    public static final String BUILDER = "test-host:worker-1";

    public static TargetBuildResult built(TargetBuildRequest request, boolean emulated) {
        Target t = request.target();
        BuildHost host = new BuildHost("linux-x64", emulated);
        List<Artifact> artifacts = new ArrayList<>();
        for (ArtifactType type : List.of(ArtifactType.CLI, ArtifactType.AOT)) {
            String name = type.artifactName(VERSION, t);
            String exe = (type == ArtifactType.CLI ? "fuse" : "hello-http") + t.executableSuffix();
            artifacts.add(new Artifact(
                    name,
                    type,
                    t.id(),
                    t.archiveFormat(),
                    new ArtifactRef(BUCKET, request.plan().stagingPrefix() + name, sha(name.charAt(9)), 4096),
                    exe,
                    sha('e'),
                    List.of("LICENSE", exe),
                    host,
                    null));
        }
        StepResult step = new StepResult(
                "aot",
                0,
                1200,
                new ArtifactRef(BUCKET, "logs/" + VERSION + "/run/" + t.id() + "/aot.log", sha('l'), 120),
                "fuse: wrote hello-http");
        return new TargetBuildResult(t, host, List.of(step), artifacts, 1500, BUILDER);
    }

    public static Artifact vsix(ReleasePlan plan) {
        String name = ArtifactType.VSCODE.artifactName(VERSION, null);
        return new Artifact(
                name,
                ArtifactType.VSCODE,
                null,
                ArchiveFormat.VSIX,
                new ArtifactRef(BUCKET, plan.stagingPrefix() + name, sha('v'), 2048),
                null,
                null,
                List.of("extension/package.json"),
                new BuildHost("linux-x64", false),
                null);
    }

    /** The comparison a reproducible (or, with {@code differ}, an unreproducible) rebuild reports. */
    public static ReproducibilityResult reproduced(ReproducibilityRequest request, boolean differ) {
        List<ReproducibilityResult.ArtifactComparison> comparisons = new ArrayList<>();
        for (Artifact a : request.staged()) {
            boolean mismatch = differ && a.type() == ArtifactType.AOT;
            comparisons.add(new ReproducibilityResult.ArtifactComparison(
                    a.name(),
                    a.ref().sha256(),
                    mismatch ? sha('d') : a.ref().sha256(),
                    mismatch ? List.of(a.executable()) : List.of(),
                    null));
        }
        return new ReproducibilityResult(request.target(), comparisons);
    }

    public static MetadataResult metadata(ReleasePlan plan) {
        return new MetadataResult(
                new ArtifactRef(BUCKET, plan.stagingPrefix() + "release-artifacts.json", sha('m'), 3000),
                new ArtifactRef(BUCKET, plan.stagingPrefix() + "SHA256SUMS", sha('s'), 700),
                new ArtifactRef(BUCKET, plan.stagingPrefix() + "provenance.intoto.json", sha('p'), 2500));
    }

    /** A valid-looking digest made of one repeated hex-ish character. */
    public static String sha(char seed) {
        char c = Character.forDigit(Math.abs(seed) % 16, 16);
        return String.valueOf(c).repeat(64);
    }
}
