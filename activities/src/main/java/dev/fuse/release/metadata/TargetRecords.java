package dev.fuse.release.metadata;

import com.google.protobuf.ByteString;
import dev.fuse.release.contract.FailureType;
import dev.fuse.release.contract.model.Artifact;
import dev.fuse.release.contract.model.ArtifactRef;
import dev.fuse.release.contract.model.MetadataRequest;
import dev.fuse.release.contract.model.PublishRequest;
import dev.fuse.release.contract.model.RecordTargetRequest;
import dev.fuse.release.contract.model.SloReportRequest;
import dev.fuse.release.contract.model.TargetEvidence;
import dev.fuse.release.contract.model.TargetPipelineResult;
import dev.fuse.release.contract.model.TargetRecordRef;
import dev.fuse.release.failure.PipelineException;
import dev.fuse.release.policy.ArtifactOrder;
import dev.fuse.release.policy.GateEvaluator;
import dev.fuse.release.report.SloFigures;
import dev.fuse.release.storage.ArtifactStore;
import dev.fuse.release.support.Sha256;
import io.temporal.api.common.v1.Payload;
import io.temporal.common.converter.DataConverter;
import io.temporal.common.converter.DefaultDataConverter;
import io.temporal.common.converter.EncodingKeys;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Each target's finished pipeline result, kept in staging as the JSON Temporal itself would carry,
 * and read back (digest checked) by the stages that need every target: metadata, SLO reports and
 * publishing. Expanding a request gives those stages exactly the request of a run that listed
 * everything itself, so the files they write are the same bytes either way.
 */
public final class TargetRecords {
    private static final DataConverter JSON = DefaultDataConverter.STANDARD_INSTANCE;
    private final ArtifactStore store;

    public TargetRecords(ArtifactStore store) {
        this.store = store;
    }

    public TargetRecordRef write(RecordTargetRequest request) {
        byte[] bytes = JSON.toPayload(request.result()).orElseThrow().getData().toByteArray();
        ArtifactRef ref = store.putBytes(
                TargetRecordRef.key(request.stagingPrefix(), request.target()), bytes, "application/json");
        return new TargetRecordRef(request.target(), ref.sha256(), ref.size());
    }

    public MetadataRequest expand(MetadataRequest request) {
        if (request.targetRecords().isEmpty()) return request;
        List<TargetPipelineResult> results = read(request.plan().stagingPrefix(), request.targetRecords());
        List<Artifact> artifacts = new ArrayList<>();
        List<ArtifactRef> evidence = new ArrayList<>();
        for (TargetPipelineResult r : results) {
            artifacts.addAll(r.artifacts());
            evidence.addAll(r.evidence());
        }
        artifacts.addAll(request.artifacts());
        evidence.addAll(request.evidence());
        return request.withListed(ArtifactOrder.sorted(artifacts), evidence);
    }

    public PublishRequest expand(PublishRequest request) {
        if (request.targetRecords().isEmpty()) return request;
        List<Artifact> artifacts = new ArrayList<>();
        for (TargetPipelineResult r : read(request.plan().stagingPrefix(), request.targetRecords())) {
            artifacts.addAll(r.artifacts());
        }
        artifacts.addAll(request.artifacts());
        return request.withArtifacts(ArtifactOrder.sorted(artifacts));
    }

    /** The figures of every target, and the gate table evaluated from them as the workflow did. */
    public SloFigures expand(SloReportRequest request) {
        List<TargetEvidence> evidence = new ArrayList<>();
        List<Artifact> artifacts = new ArrayList<>();
        for (TargetPipelineResult r : read(request.plan().stagingPrefix(), request.targetRecords())) {
            evidence.add(r.targetEvidence());
            artifacts.addAll(r.artifacts());
        }
        return new SloFigures(
                request.plan(),
                GateEvaluator.evaluate(request.plan().slo(), evidence),
                evidence,
                ArtifactOrder.sorted(artifacts));
    }

    private List<TargetPipelineResult> read(String stagingPrefix, List<TargetRecordRef> refs) {
        List<TargetPipelineResult> results = new ArrayList<>();
        for (TargetRecordRef ref : refs) {
            String key = TargetRecordRef.key(stagingPrefix, ref.target());
            byte[] bytes = store.getBytes(key);
            String found = Sha256.of(bytes);
            if (!found.equals(ref.sha256())) {
                throw new PipelineException(
                        FailureType.DIGEST_MISMATCH,
                        "target record " + key + " changed after it was kept (sha256 " + ref.sha256() + ", now " + found
                                + "): nothing is published from it; start the release again");
            }
            Payload payload = Payload.newBuilder()
                    .putMetadata(
                            EncodingKeys.METADATA_ENCODING_KEY,
                            ByteString.copyFrom("json/plain", StandardCharsets.UTF_8))
                    .setData(ByteString.copyFrom(bytes))
                    .build();
            results.add(JSON.fromPayload(payload, TargetPipelineResult.class, TargetPipelineResult.class));
        }
        return results;
    }
}
