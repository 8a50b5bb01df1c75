package dev.fuse.release.cli;

import java.util.Map;

/**
 * Whether the CLI colours its help: decided here, once, rather than by picocli's own guess, so that
 * the pre-rendered help pages ({@code cli.help.HelpPages}) and picocli's rendering always agree.
 * The conventions other command-line tools follow: {@code NO_COLOR} (no-color.org) turns colours
 * off, {@code CLICOLOR_FORCE} other than 0 turns them on, {@code TERM=dumb} turns them off, and
 * otherwise a person at a terminal gets them.
 */
public final class TerminalColors {
    private TerminalColors() {}

    public static boolean enabled(Map<String, String> env, boolean terminal) {
        if (isSet(env.get("NO_COLOR"))) return false;
        String force = env.get("CLICOLOR_FORCE");
        if (isSet(force) && !force.equals("0")) return true;
        if ("dumb".equals(env.get("TERM"))) return false;
        return terminal;
    }

    private static boolean isSet(String value) {
        return value != null && !value.isEmpty();
    }
}
