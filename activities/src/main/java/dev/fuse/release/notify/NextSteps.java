package dev.fuse.release.notify;

import dev.fuse.release.contract.model.Notification;
import java.util.ArrayList;
import java.util.List;

/** The commands a notification suggests: what the person it calls types next. */
final class NextSteps {
    private NextSteps() {}

    static List<String> commands(Notification event) {
        String v = event.version();
        List<String> commands = new ArrayList<>();
        switch (event.event()) {
            case TARGET_FAILED -> {
                event.targets().forEach(t -> commands.add("./fuse-release retry " + v + " " + t + " --reason '<why>'"));
                commands.add("./fuse-release abandon " + v + " --reason '<why>'");
            }
            case AWAITING_APPROVAL, APPROVAL_ENDING -> {
                commands.add("./fuse-release notes " + v);
                commands.add("./fuse-release approve " + v + " --comment '<why>'");
                commands.add("./fuse-release reject " + v + " --comment '<why>'");
            }
            case PUBLISHED -> commands.add("./fuse-release verify " + v);
            default -> commands.add("./fuse-release status " + v);
        }
        return commands;
    }
}
