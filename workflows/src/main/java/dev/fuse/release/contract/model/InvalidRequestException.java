package dev.fuse.release.contract.model;

import java.util.List;

/** A request or recipe with one or more problems, each reported (not just the first). */
public class InvalidRequestException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final List<String> problems;

    public InvalidRequestException(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
