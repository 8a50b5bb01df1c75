package dev.fuse.release.packaging;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * gzip compressed on every core, the way {@code pigz} does it. The input is cut into 1 MiB
 * blocks; each is deflated on its own (raw deflate, with the 32 KiB before it as preset
 * dictionary, so the ratio is that of one stream), ended with a sync flush (the last one with the
 * final block), and the blocks are written in input order. The output is one ordinary gzip member
 * that any gunzip reads, and its bytes depend only on the input, the block size and the level,
 * never on thread timing: as deterministic as single-threaded gzip, about cores times faster.
 * Header as {@code gzip -n} writes it: no name, mtime 0, OS "unknown" (255).
 */
public final class ParallelGzipOutputStream extends OutputStream {
    static final int BLOCK = 1 << 20;
    static final int DICTIONARY = 32 * 1024;
    private static final int THREADS = Runtime.getRuntime().availableProcessors();
    private static final ExecutorService POOL = Executors.newFixedThreadPool(THREADS, r -> {
        Thread t = new Thread(r, "gzip-block");
        t.setDaemon(true);
        return t;
    });

    private final OutputStream out;
    private final int level;
    private final Deque<Future<byte[]>> pending = new ArrayDeque<>();
    private final CRC32 crc = new CRC32();
    private byte[] buffer = new byte[BLOCK];
    private int filled;
    private byte[] dictionary;
    private long size;
    private boolean finished;

    public ParallelGzipOutputStream(OutputStream out, int level) throws IOException {
        this.out = out;
        this.level = level;
        out.write(new byte[] {
            0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, (byte) (level == 9 ? 2 : level == 1 ? 4 : 0), (byte) 255
        });
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int off, int len) throws IOException {
        while (len > 0) {
            int n = Math.min(len, BLOCK - filled);
            System.arraycopy(bytes, off, buffer, filled, n);
            filled += n;
            off += n;
            len -= n;
            if (filled == BLOCK) submit(false);
        }
    }

    private void submit(boolean last) throws IOException {
        byte[] block = filled == BLOCK ? buffer : Arrays.copyOf(buffer, filled);
        crc.update(block, 0, block.length);
        size += block.length;
        byte[] preset = dictionary;
        dictionary = Arrays.copyOfRange(block, Math.max(0, block.length - DICTIONARY), block.length);
        buffer = new byte[BLOCK];
        filled = 0;
        pending.add(POOL.submit(() -> deflate(block, preset, last)));
        while (pending.size() > 2 * THREADS) writeOldest();
    }

    private byte[] deflate(byte[] block, byte[] preset, boolean last) {
        Deflater deflater = new Deflater(level, true);
        try {
            if (preset != null) deflater.setDictionary(preset);
            deflater.setInput(block);
            if (last) deflater.finish();
            byte[] chunk = new byte[block.length + block.length / 8 + 1024];
            int n = 0;
            while (true) {
                n += deflater.deflate(chunk, n, chunk.length - n, last ? Deflater.NO_FLUSH : Deflater.SYNC_FLUSH);
                boolean done = last ? deflater.finished() : n < chunk.length;
                if (done) return Arrays.copyOf(chunk, n);
                chunk = Arrays.copyOf(chunk, chunk.length * 2);
            }
        } finally {
            deflater.end();
        }
    }

    private void writeOldest() throws IOException {
        try {
            out.write(pending.poll().get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while compressing");
        } catch (ExecutionException e) {
            throw new IOException("compressing a block failed", e.getCause());
        }
    }

    /** Writes the last block and the trailer; the underlying stream stays open. */
    public void finish() throws IOException {
        if (finished) return;
        finished = true;
        submit(true);
        while (!pending.isEmpty()) writeOldest();
        long value = crc.getValue();
        out.write(new byte[] {
            (byte) value, (byte) (value >>> 8), (byte) (value >>> 16), (byte) (value >>> 24),
            (byte) size, (byte) (size >>> 8), (byte) (size >>> 16), (byte) (size >>> 24)
        });
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        try {
            finish();
        } finally {
            out.close();
        }
    }
}
