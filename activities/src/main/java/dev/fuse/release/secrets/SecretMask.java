package dev.fuse.release.secrets;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.concurrent.ConcurrentSkipListSet;

/**
 * Every secret value this worker process holds (the S3 secret and session token, the Temporal
 * API key and TLS client key, the release key), so that none of them is written where others
 * read: a step's log object, a failure detail in history, a terminal. Defence in depth behind the
 * clean step environment, the way CI systems mask their secrets: a step that finds a value anyway
 * (it guessed a path, it read another process) still cannot print it verbatim.
 *
 * <p>One set per process because the values belong to the process: the worker registers them once
 * at start, before any activity runs.
 */
public final class SecretMask {
    /** What a masked value is replaced with. */
    public static final String MASK = "***";

    /** Shorter values are not masked: they would blank out ordinary words and numbers. */
    static final int MIN_LENGTH = 8;

    private static final ConcurrentSkipListSet<String> VALUES = new ConcurrentSkipListSet<>(
            Comparator.comparingInt(String::length).reversed().thenComparing(s -> s));

    private SecretMask() {}

    /** Registers a secret value; null, blank and very short values are ignored. */
    public static void register(String value) {
        if (value == null) return;
        String v = value.strip();
        if (v.length() >= MIN_LENGTH) VALUES.add(v);
    }

    /**
     * Registers a secret file's content: the whole text and every line of it that is long enough,
     * so that a PEM or OpenSSH key printed in part (one line, as {@code head -2} does) is masked too.
     * Armour lines ({@code -----BEGIN ...}) are public text and stay readable.
     */
    public static void registerFile(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.ISO_8859_1);
        StringBuilder body = new StringBuilder();
        for (String line : text.split("\r?\n")) {
            if (line.startsWith("-----")) continue;
            register(line);
            body.append(line.strip());
        }
        register(body.toString());
    }

    /** The text with every registered value replaced by {@link #MASK}. */
    public static String mask(String text) {
        if (text == null || VALUES.isEmpty()) return text;
        String out = text;
        for (String value : VALUES) {
            if (out.contains(value)) out = out.replace(value, MASK);
        }
        return out;
    }

    /**
     * Masks a log file in place (through a temporary file beside it, then a move, so a reader never
     * sees it half-masked). Bytes are read as ISO-8859-1, which maps every byte to one character,
     * so output that is not UTF-8 passes through unchanged apart from the masked values.
     */
    public static void maskFile(Path file) throws IOException {
        if (VALUES.isEmpty() || !Files.isRegularFile(file)) return;
        String text = Files.readString(file, StandardCharsets.ISO_8859_1);
        String masked = mask(text);
        if (masked.equals(text)) return;
        Path temp = file.resolveSibling(file.getFileName() + ".masking");
        Files.writeString(temp, masked, StandardCharsets.ISO_8859_1);
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** How many values are registered (for the worker's start-up line; never the values). */
    public static int size() {
        return VALUES.size();
    }

    /** Tests only: forget every value. */
    static void forgetAllForTests() {
        VALUES.clear();
    }
}
