package dev.fuse.release.signature;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/** The SSH wire encoding (RFC 4251): big-endian uint32, length-prefixed strings, mpints. */
public final class SshWire {
    private final byte[] data;
    private int position;

    private SshWire(byte[] data) {
        this.data = data;
    }

    public static SshWire reading(byte[] data) {
        return new SshWire(data);
    }

    public int uint32() throws SignatureProblem {
        need(4);
        int value = ((data[position] & 0xff) << 24)
                | ((data[position + 1] & 0xff) << 16)
                | ((data[position + 2] & 0xff) << 8)
                | (data[position + 3] & 0xff);
        position += 4;
        return value;
    }

    public byte[] bytes() throws SignatureProblem {
        int length = uint32();
        if (length < 0) throw new SignatureProblem("a length field is negative: the data is corrupt");
        need(length);
        byte[] out = Arrays.copyOfRange(data, position, position + length);
        position += length;
        return out;
    }

    public String string() throws SignatureProblem {
        return new String(bytes(), StandardCharsets.UTF_8);
    }

    public BigInteger mpint() throws SignatureProblem {
        return new BigInteger(bytes());
    }

    public byte[] raw(int length) throws SignatureProblem {
        need(length);
        byte[] out = Arrays.copyOfRange(data, position, position + length);
        position += length;
        return out;
    }

    public boolean atEnd() {
        return position == data.length;
    }

    private void need(int length) throws SignatureProblem {
        if (length > data.length - position) {
            throw new SignatureProblem("the data ends early (truncated)");
        }
    }

    /**
     * An OpenSSH armored block: the BEGIN line, the base64 of {@code raw} wrapped at 70 columns as
     * ssh-keygen writes it, the END line, each ending in a newline.
     */
    public static String armor(String begin, String end, byte[] raw) {
        String b64 = Base64.getEncoder().encodeToString(raw);
        StringBuilder out = new StringBuilder(begin).append('\n');
        for (int i = 0; i < b64.length(); i += 70) {
            out.append(b64, i, Math.min(b64.length(), i + 70)).append('\n');
        }
        return out.append(end).append('\n').toString();
    }

    /** Builds wire-encoded data. */
    public static final class Writer {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        public Writer raw(byte[] bytes) {
            out.writeBytes(bytes);
            return this;
        }

        public Writer uint32(int value) {
            out.write(value >>> 24);
            out.write(value >>> 16);
            out.write(value >>> 8);
            out.write(value);
            return this;
        }

        public Writer bytes(byte[] bytes) {
            uint32(bytes.length);
            out.writeBytes(bytes);
            return this;
        }

        public Writer string(String text) {
            return bytes(text.getBytes(StandardCharsets.UTF_8));
        }

        public Writer mpint(BigInteger value) {
            return bytes(value.toByteArray());
        }

        public byte[] toByteArray() {
            return out.toByteArray();
        }
    }
}
