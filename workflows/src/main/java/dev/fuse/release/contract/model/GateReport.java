package dev.fuse.release.contract.model;

import java.util.List;

/** GO when every gate of every target passes; otherwise NO-GO, naming the failing gates. */
public record GateReport(boolean go, List<GateResult> gates) {
    public GateReport {
        gates = List.copyOf(gates);
    }

    public List<GateResult> failing() {
        return gates.stream().filter(g -> !g.pass()).toList();
    }

    /** {@code NO-GO: <target> <gate> <value> (needs <threshold>); ...}, the reason a NO-GO release fails with. */
    public String noGoSummary() {
        return "NO-GO: "
                + String.join(
                        "; ",
                        failing().stream()
                                .map(g -> g.target() + " " + g.gate() + " " + g.value() + " (needs " + g.threshold()
                                        + ")")
                                .toList());
    }

    public String verdict() {
        return go ? "GO" : "NO-GO";
    }
}
