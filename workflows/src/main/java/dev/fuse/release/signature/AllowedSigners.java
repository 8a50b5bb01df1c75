package dev.fuse.release.signature;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * An OpenSSH {@code allowed_signers} file (see ssh-keygen(1), ALLOWED SIGNERS): which principal
 * owns which key, optionally only for some namespaces. Read whole, every bad line reported at
 * once. Principals are exact names here: wildcards, certificate authorities and validity windows
 * are refused rather than half-supported, because an approval's identity must be unambiguous.
 */
public final class AllowedSigners {
    /** One line: its principals, the namespaces it is limited to (empty: any), the key. */
    public record Entry(List<String> principals, List<String> namespaces, SshKey key) {
        boolean allows(String namespace) {
            return namespaces.isEmpty() || namespaces.contains(namespace);
        }
    }

    private final List<Entry> entries;

    private AllowedSigners(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    public List<Entry> entries() {
        return entries;
    }

    /**
     * @param source where the text came from, for messages
     * @throws SignatureProblem naming every bad line, one per line of the message
     */
    public static AllowedSigners parse(String text, String source) throws SignatureProblem {
        List<Entry> entries = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            try {
                entries.add(entry(line));
            } catch (SignatureProblem e) {
                problems.add(source + " line " + (i + 1) + ": " + e.getMessage());
            }
        }
        if (!problems.isEmpty()) throw new SignatureProblem(String.join("\n", problems));
        return new AllowedSigners(entries);
    }

    /** The first principal of the line that holds {@code key} for {@code namespace}. */
    public Optional<String> principalOf(SshKey key, String namespace) {
        for (Entry e : entries) {
            if (e.key().equals(key) && e.allows(namespace))
                return Optional.of(e.principals().get(0));
        }
        return Optional.empty();
    }

    /** Every principal named in the file, in file order. */
    public List<String> principals() {
        List<String> out = new ArrayList<>();
        entries.forEach(
                e -> e.principals().stream().filter(p -> !out.contains(p)).forEach(out::add));
        return out;
    }

    private static Entry entry(String line) throws SignatureProblem {
        String[] fields = line.split("\\s+", 2);
        List<String> principals = List.of(fields[0].split(","));
        for (String p : principals) {
            if (p.isEmpty() || p.contains("*") || p.contains("?") || p.startsWith("!")) {
                throw new SignatureProblem("principal '" + p + "' is a pattern or empty; name each signer exactly");
            }
        }
        if (fields.length < 2) throw new SignatureProblem("no key after the principals");
        String rest = fields[1].strip();
        List<String> namespaces = List.of();
        if (!rest.startsWith("ssh-") && !rest.startsWith("ecdsa-")) {
            int space = optionsEnd(rest);
            String options = rest.substring(0, space);
            rest = rest.substring(space).strip();
            namespaces = namespaces(options);
        }
        return new Entry(principals, namespaces, SshKey.parse(rest));
    }

    /** Options end at the first space outside double quotes. */
    private static int optionsEnd(String rest) {
        boolean quoted = false;
        for (int i = 0; i < rest.length(); i++) {
            char c = rest.charAt(i);
            if (c == '"') quoted = !quoted;
            if (Character.isWhitespace(c) && !quoted) return i;
        }
        return rest.length();
    }

    private static List<String> namespaces(String options) throws SignatureProblem {
        List<String> namespaces = new ArrayList<>();
        for (String option : options.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)")) {
            String lower = option.toLowerCase(Locale.ROOT);
            if (lower.startsWith("namespaces=")) {
                String value = option.substring("namespaces=".length()).replace("\"", "");
                namespaces.addAll(List.of(value.split(",")));
            } else {
                throw new SignatureProblem("option '" + option + "' is not supported (only namespaces=\"...\")");
            }
        }
        return namespaces;
    }
}
