package dev.fuse.release.notes;

import dev.fuse.release.git.Git;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The commits of {@code base..head} in a checkout, read with git itself. Merge commits are kept
 * apart (their subjects, once), every other commit is parsed; the count is git's own
 * ({@code rev-list --count}), so nothing can go missing between git and the notes unnoticed.
 *
 * @param base the base commit, or null for a first release (then at most {@code FIRST_RELEASE_LIMIT}
 *     commits are listed and {@code total} says how many there are)
 * @param problem why the range is not what it seems (a base that is not an ancestor of the head, a
 *     base missing from the repository), or null
 */
public record CommitRange(
        String base,
        String head,
        int total,
        List<ConventionalCommit> commits,
        List<ConventionalCommit> merges,
        List<String> contributors,
        List<String> firstTimeContributors,
        String problem) {
    public static final int FIRST_RELEASE_LIMIT = 50;

    /**
     * At most this many commits of a range are listed (the newest); the count is always git's
     * total, and the notes say how many are listed. A base named by hand far back in a large
     * history must not turn the notes into megabytes that every approval then covers.
     */
    public static final int RANGE_LIMIT = 2000;

    private static final String FIELD = "\u001f";
    private static final String RECORD = "\u001e";

    public static CommitRange read(Path checkout, String base, String head) throws IOException {
        return read(checkout, base, head, RANGE_LIMIT);
    }

    static CommitRange read(Path checkout, String base, String head, int rangeLimit) throws IOException {
        String problem = null;
        String range = head;
        if (base != null) {
            if (!contains(checkout, base)) {
                problem = "the base commit " + base + " is not in the repository (a rewritten or unpushed history);"
                        + " the notes list the head's history instead";
                base = null;
            } else if (!isAncestor(checkout, base, head)) {
                problem = "the base commit " + base + " is not an ancestor of " + head
                        + " (a rewritten history): the notes list what the head has that the base has not";
                range = base + ".." + head;
            } else {
                range = base + ".." + head;
            }
        }
        int total = Integer.parseInt(
                Git.run(checkout, Map.of(), "rev-list", "--count", range).strip());
        List<String> args = new ArrayList<>(List.of(
                "log",
                "--topo-order",
                "--format=%H" + FIELD + "%P" + FIELD + "%an" + FIELD + "%s" + FIELD + "%b" + RECORD));
        args.add("--max-count=" + (base == null ? FIRST_RELEASE_LIMIT : rangeLimit));
        args.add(range);
        List<ConventionalCommit> commits = new ArrayList<>();
        List<ConventionalCommit> merges = new ArrayList<>();
        Set<String> authors = new LinkedHashSet<>();
        for (String entry :
                Git.run(checkout, Map.of(), args.toArray(String[]::new)).split(RECORD)) {
            // Not strip(): Java counts the separators themselves as white space.
            String[] f = entry.replaceFirst("^\n+", "").split(FIELD, -1);
            if (f.length < 5) continue;
            ConventionalCommit c = ConventionalCommit.parse(f[0], f[2], f[3], f[4]);
            (f[1].trim().contains(" ") ? merges : commits).add(c);
            authors.add(f[2]);
        }
        List<String> contributors = authors.stream().sorted().toList();
        Set<String> before = base == null ? Set.of() : priorAuthors(checkout, base);
        List<String> firstTime =
                contributors.stream().filter(a -> !before.contains(a)).toList();
        return new CommitRange(base, head, total, commits, merges, contributors, firstTime, problem);
    }

    private static boolean contains(Path checkout, String commit) {
        try {
            Git.run(checkout, Map.of(), "cat-file", "-e", commit + "^{commit}");
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean isAncestor(Path checkout, String base, String head) {
        try {
            Git.run(checkout, Map.of(), "merge-base", "--is-ancestor", base, head);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static Set<String> priorAuthors(Path checkout, String base) throws IOException {
        return new LinkedHashSet<>(
                Git.run(checkout, Map.of(), "log", "--format=%an", base).lines().toList());
    }
}
