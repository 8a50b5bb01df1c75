package dev.fuse.release.app;

import dev.fuse.release.cli.CliContext;
import dev.fuse.release.cli.CliException;
import dev.fuse.release.cli.ExitCodes;
import dev.fuse.release.cli.FuseReleaseCli;
import dev.fuse.release.cli.HelpOption;
import dev.fuse.release.cli.Json;
import dev.fuse.release.cli.OutputOption;
import dev.fuse.release.doctor.Doctor;
import dev.fuse.release.doctor.Finding;
import dev.fuse.release.doctor.Role;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code doctor}: checks a deployment for one role and names each problem with its fix. */
@Command(
        name = "doctor",
        description = "Check this machine's deployment for a role: Temporal, the bucket, the key, the"
                + " policy, the tools. Exit 0 when everything holds, 1 when something does not.")
public class DoctorCommand implements Callable<Integer> {
    @ParentCommand
    FuseReleaseCli parent;

    @Option(
            names = "--role",
            defaultValue = "cli",
            description = "orchestrator, signer, target or cli (default: cli, a release manager's machine).")
    String role;

    @Mixin
    OutputOption output;

    @Mixin
    HelpOption help;

    @Override
    public Integer call() {
        CliContext ctx = parent.context();
        Role parsed;
        try {
            parsed = Role.parse(role);
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCodes.BAD_INPUT, e.getMessage());
        }
        Doctor.Report report = Doctor.run(parsed, ctx.env());
        if (output.json()) ctx.out().println(Json.write(json(report)));
        else print(ctx, report);
        if (report.healthy()) return ExitCodes.OK;
        return report.unavailable() ? ExitCodes.UNAVAILABLE : ExitCodes.RELEASE_NOT_PUBLISHED;
    }

    private static Map<String, Object> json(Doctor.Report report) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("role", report.role().label());
        json.put("healthy", report.healthy());
        json.put("findings", report.findings());
        return json;
    }

    private static void print(CliContext ctx, Doctor.Report report) {
        ctx.out().println("fuse-release doctor, role " + report.role().label() + ":");
        for (Finding f : report.findings()) {
            ctx.out()
                    .println(String.format(
                            "  %-5s %-18s %s", f.status().name().toLowerCase(Locale.ROOT), f.check(), f.detail()));
            if (f.fix() != null && f.status() != Finding.Status.OK) {
                ctx.out().println(String.format("  %-5s %-18s fix: %s", "", "", f.fix()));
            }
        }
        ctx.out()
                .println(
                        report.healthy()
                                ? "everything holds"
                                : report.problems() + " problem(s); fix them and run doctor again");
    }
}
