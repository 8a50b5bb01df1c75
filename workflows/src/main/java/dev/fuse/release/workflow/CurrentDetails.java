package dev.fuse.release.workflow;

import dev.fuse.release.contract.model.Phase;
import dev.fuse.release.contract.model.Stage;
import dev.fuse.release.contract.model.Target;
import dev.fuse.release.contract.model.TargetStatus;
import java.util.Collection;
import java.util.Map;

/**
 * The release's current details in the Temporal UI: the phase, what an operator may do, and a
 * Markdown table of targets with stage, attempt, host and how long the pipeline has been running.
 */
final class CurrentDetails {
    private CurrentDetails() {}

    /**
     * Records when a target's pipeline started (its BUILDING report, once per attempt) and when it
     * last reported, in workflow time; the array holds {started, last}.
     */
    static void tick(Map<Target, long[]> clock, Target target, Stage stage, long now) {
        long[] times = clock.get(target);
        if (times == null || stage == Stage.BUILDING) {
            clock.put(target, new long[] {now, now});
        } else {
            times[1] = now;
        }
    }

    static String markdown(Phase phase, Collection<TargetStatus> targets, Map<Target, long[]> clock, long now) {
        StringBuilder md = new StringBuilder("**" + phase + "**");
        boolean failed = targets.stream().anyMatch(t -> t.stage() == Stage.FAILED);
        if (phase == Phase.BUILDING && failed) {
            md.append(" - a target failed: retry it or abandon the release (`./fuse-release retry <version> <target>"
                    + " --reason ...`)");
        } else if (phase == Phase.AWAITING_APPROVAL) {
            md.append(" - waiting for approve or reject");
        }
        md.append("\n\n| target | stage | attempt | host | running |\n|---|---|---|---|---|");
        for (TargetStatus t : targets) {
            long[] times = clock.get(t.target());
            String running = times == null
                    ? ""
                    : seconds((t.stage().ordinal() >= Stage.STAGED.ordinal() ? times[1] : now) - times[0]);
            md.append("\n| ")
                    .append(t.target().id())
                    .append(" | ")
                    .append(t.stage())
                    .append(t.failedIn() == null ? "" : " in " + t.failedIn())
                    .append(" | ")
                    .append(t.attempt())
                    .append(" | ")
                    .append(t.hostClass() == null ? "" : t.hostClass() + (t.emulated() ? " (emulated)" : ""))
                    .append(" | ")
                    .append(running)
                    .append(" |");
        }
        return md.toString();
    }

    private static String seconds(long millis) {
        long s = Math.max(0, millis) / 1000;
        return s >= 60 ? (s / 60) + "m " + (s % 60) + "s" : s + "s";
    }
}
