package dev.fuse.release.storage;

import dev.fuse.release.support.Sha256;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;

/**
 * One file sent as an S3 multipart upload with parts in parallel. Each part is read once, into
 * memory, and sent with its own {@code x-amz-checksum-sha256}, so the store refuses a part damaged
 * on the way; the whole file's sha256 (taken by the caller) becomes the object's metadata, as for
 * a single PUT. The write-once and compare-and-swap preconditions go on the completing request,
 * where S3 checks them atomically. Any failure aborts the upload, so no parts are left to pay for.
 */
final class MultipartUpload {
    private final S3Client s3;
    private final ExecutorService partThreads;
    private final Semaphore partsInFlight;

    MultipartUpload(S3Client s3, ExecutorService partThreads, Semaphore partsInFlight) {
        this.s3 = s3;
        this.partThreads = partThreads;
        this.partsInFlight = partsInFlight;
    }

    /** The request that {@link S3ObjectStore} would have sent as one PUT. */
    record Request(
            String bucket,
            String key,
            Path file,
            long size,
            long partSize,
            String sha256,
            String contentType,
            ObjectStore.Precondition precondition) {}

    void send(Request request) {
        String uploadId = s3.createMultipartUpload(b -> b.bucket(request.bucket())
                        .key(request.key())
                        .contentType(request.contentType())
                        .checksumAlgorithm(ChecksumAlgorithm.SHA256)
                        .metadata(Map.of(S3ObjectStore.SHA256_META, request.sha256())))
                .uploadId();
        try {
            List<CompletedPart> parts = sendParts(request, uploadId);
            CompleteMultipartUploadRequest.Builder complete = CompleteMultipartUploadRequest.builder()
                    .bucket(request.bucket())
                    .key(request.key())
                    .uploadId(uploadId)
                    .multipartUpload(m -> m.parts(parts));
            if (request.precondition().absent()) complete.ifNoneMatch("*");
            if (request.precondition().etag() != null)
                complete.ifMatch(request.precondition().etag());
            s3.completeMultipartUpload(complete.build());
        } catch (RuntimeException e) {
            abort(request, uploadId, e);
            throw e;
        }
    }

    private List<CompletedPart> sendParts(Request request, String uploadId) {
        List<Future<CompletedPart>> pending = new ArrayList<>();
        try (FileChannel channel = FileChannel.open(request.file(), StandardOpenOption.READ)) {
            int number = 1;
            int checked = 0;
            for (long offset = 0; offset < request.size(); offset += request.partSize(), number++) {
                // A failed part ends the upload now, not after the remaining parts were sent.
                while (checked < pending.size() && pending.get(checked).isDone())
                    pending.get(checked++).get();
                int length = (int) Math.min(request.partSize(), request.size() - offset);
                // Taken here, given back by the part's thread: parts wait for a slot before they
                // are read into memory, so at most parallelParts buffers exist per process.
                partsInFlight.acquire();
                byte[] bytes;
                try {
                    bytes = read(channel, offset, length);
                } catch (IOException e) {
                    partsInFlight.release();
                    throw e;
                }
                int partNumber = number;
                pending.add(partThreads.submit(() -> {
                    try {
                        return sendPart(request, uploadId, partNumber, bytes);
                    } finally {
                        partsInFlight.release();
                    }
                }));
            }
            List<CompletedPart> parts = new ArrayList<>();
            for (Future<CompletedPart> part : pending) parts.add(part.get());
            return parts;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + request.file() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("upload of " + request.key() + " interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            pending.forEach(f -> f.cancel(true));
        }
    }

    private CompletedPart sendPart(Request request, String uploadId, int partNumber, byte[] bytes) {
        String checksum = Base64.getEncoder().encodeToString(HexFormat.of().parseHex(Sha256.of(bytes)));
        UploadPartResponse response = s3.uploadPart(
                b -> b.bucket(request.bucket())
                        .key(request.key())
                        .uploadId(uploadId)
                        .partNumber(partNumber)
                        .contentLength((long) bytes.length)
                        .checksumSHA256(checksum),
                RequestBody.fromContentProvider(
                        () -> new ByteArrayInputStream(bytes), bytes.length, "application/octet-stream"));
        return CompletedPart.builder()
                .partNumber(partNumber)
                .eTag(response.eTag())
                .checksumSHA256(checksum)
                .build();
    }

    private static byte[] read(FileChannel channel, long offset, int length) throws IOException {
        byte[] bytes = new byte[length];
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, offset + buffer.position()) < 0) {
                throw new IOException("the file ended at " + (offset + buffer.position())
                        + " bytes, before its announced size; it changed during the upload");
            }
        }
        return bytes;
    }

    private void abort(Request request, String uploadId, RuntimeException cause) {
        try {
            s3.abortMultipartUpload(
                    b -> b.bucket(request.bucket()).key(request.key()).uploadId(uploadId));
        } catch (RuntimeException e) {
            // The upload's own failure is the one to report; a stale upload is removed by the
            // bucket's AbortIncompleteMultipartUpload lifecycle rule (docs/operations.md).
            cause.addSuppressed(e);
        }
    }
}
