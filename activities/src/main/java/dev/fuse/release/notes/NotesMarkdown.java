package dev.fuse.release.notes;

import static dev.fuse.release.notes.Inert.markdown;

import java.util.List;

/** {@code RELEASE_NOTES.md}: the range, the commits by group, merges, contributors, the contract. */
final class NotesMarkdown {
    private NotesMarkdown() {}

    static String render(NotesInput in) {
        StringBuilder md = new StringBuilder();
        md.append("# ")
                .append(markdown(in.project()))
                .append(' ')
                .append(in.version())
                .append("\n\n");
        range(md, in);
        for (ConventionalCommit.Group group : ConventionalCommit.Group.values()) {
            List<ConventionalCommit> commits = in.range().commits().stream()
                    .filter(c -> c.group() == group)
                    .toList();
            if (commits.isEmpty()) continue;
            md.append("## ").append(group.title()).append("\n\n");
            commits.forEach(c -> commit(md, c));
            md.append('\n');
        }
        if (!in.range().merges().isEmpty()) {
            md.append("## Merges\n\n");
            in.range()
                    .merges()
                    .forEach(m -> md.append("- ")
                            .append(markdown(m.subject()))
                            .append(" (`")
                            .append(shortSha(m.sha()))
                            .append("`)\n"));
            md.append('\n');
        }
        contributors(md, in.range());
        contract(md, in);
        return md.toString();
    }

    private static void range(StringBuilder md, NotesInput in) {
        CommitRange r = in.range();
        if (in.base() == null) {
            md.append("First release: ")
                    .append(commits(r.total()))
                    .append(" up to `")
                    .append(shortSha(r.head()));
            md.append('`');
            if (r.total() > r.commits().size() + r.merges().size()) {
                md.append(", the last ")
                        .append(r.commits().size() + r.merges().size())
                        .append(" listed");
            }
            md.append(".\n\n");
        } else {
            md.append("Changes since ")
                    .append(in.base().version() == null ? "commit" : in.base().version())
                    .append(" (`")
                    .append(shortSha(in.base().commit()));
            md.append("`) up to `").append(shortSha(r.head())).append("`: ").append(commits(r.total()));
            int listed = r.commits().size() + r.merges().size();
            if (r.total() > listed) md.append(", the newest ").append(listed).append(" listed");
            md.append(".\n\n");
        }
        candidateAndOverride(md, in);
        if (r.problem() != null)
            md.append("> **Note:** ").append(markdown(r.problem())).append("\n\n");
    }

    private static void candidateAndOverride(StringBuilder md, NotesInput in) {
        PreviousRelease.Published candidate = in.bases().lastCandidate();
        if (candidate != null) {
            md.append("The last release candidate was ")
                    .append(candidate.version())
                    .append(" (`");
            md.append(shortSha(candidate.commit())).append("`).\n\n");
        }
        if (in.bases().overrideReason() != null) {
            md.append("The base was chosen by hand (--notes-since), instead of ")
                    .append(
                            in.previous() == null
                                    ? "the first release's history"
                                    : in.previous().version())
                    .append(": ")
                    .append(markdown(in.bases().overrideReason()))
                    .append(".\n\n");
        }
    }

    private static void commit(StringBuilder md, ConventionalCommit c) {
        md.append("- ");
        if (c.scope() != null && !c.scope().isBlank())
            md.append("**").append(markdown(c.scope())).append(":** ");
        md.append(markdown(c.subject()))
                .append(" (`")
                .append(shortSha(c.sha()))
                .append("`, ")
                .append(markdown(c.author()))
                .append(")\n");
        if (c.migration() != null)
            md.append("  - Migration: ").append(markdown(c.migration())).append('\n');
    }

    private static void contributors(StringBuilder md, CommitRange r) {
        if (r.contributors().isEmpty()) return;
        md.append("## Contributors\n\n");
        for (String name : r.contributors()) {
            md.append("- ").append(markdown(name));
            if (r.firstTimeContributors().contains(name)) md.append(" (first contribution)");
            md.append('\n');
        }
        md.append('\n');
    }

    private static void contract(StringBuilder md, NotesInput in) {
        md.append("## Release contract\n\n");
        PreviousRelease.Published previous = in.previous();
        if (previous == null) {
            md.append("First release: nothing to compare the contract with.\n");
            return;
        }
        if (!in.contractChanged()) {
            md.append("Unchanged since ").append(previous.version()).append(".\n");
            return;
        }
        md.append("Changed since ")
                .append(previous.version())
                .append(", field by field (a maintainer must approve this release):\n\n");
        md.append("| field | ").append(previous.version()).append(" | now |\n|---|---|---|\n");
        for (ContractDiff.Change c : in.contractChanges()) {
            md.append("| ").append(markdown(c.field())).append(" | ").append(cell(c.previous()));
            md.append(" | ").append(cell(c.now())).append(" |\n");
        }
        if (in.contractRationale() != null) {
            md.append("\nRationale: ").append(markdown(in.contractRationale())).append('\n');
        }
    }

    private static String commits(int n) {
        return n + (n == 1 ? " commit" : " commits");
    }

    private static String cell(String value) {
        return value == null ? "(absent)" : markdown(value);
    }

    private static String shortSha(String sha) {
        return sha == null ? "?" : sha.substring(0, Math.min(12, sha.length()));
    }
}
