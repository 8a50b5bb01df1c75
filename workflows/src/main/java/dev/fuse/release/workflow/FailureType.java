package dev.fuse.release.workflow;

/**
 * Typed failures shared by activities and workflows. Each is non-retryable: retrying the same
 * input would fail the same way, so the failure goes straight to the workflow (and to the
 * operator) instead of burning retries.
 */
public enum FailureType {
  INVALID_RECIPE(ExitClass.BAD_INPUT),
  CHECKOUT_FAILED(ExitClass.BAD_INPUT),
  BUILD_COMMAND_FAILED(ExitClass.NOT_PUBLISHED),
  BAD_ARCHIVE(ExitClass.NOT_PUBLISHED),
  DIGEST_MISMATCH(ExitClass.NOT_PUBLISHED),
  ALREADY_PUBLISHED(ExitClass.CONFLICT),
  POLICY_VIOLATION(ExitClass.NOT_PUBLISHED),
  TARGET_NOT_SERVED(ExitClass.NOT_PUBLISHED),
  NOT_REPRODUCIBLE(ExitClass.NOT_PUBLISHED),
  PARITY_REPORT_INVALID(ExitClass.NOT_PUBLISHED),
  MEASUREMENT_FAILED(ExitClass.NOT_PUBLISHED);

  /** How a command-line user should read the failure; the CLI maps each class to one exit code. */
  public enum ExitClass {
    BAD_INPUT,
    CONFLICT,
    NOT_PUBLISHED
  }

  private final ExitClass exitClass;

  FailureType(ExitClass exitClass) {
    this.exitClass = exitClass;
  }

  public ExitClass exitClass() {
    return exitClass;
  }

  /** The type named by a failure, if it is one of ours. */
  public static java.util.Optional<FailureType> of(String type) {
    for (FailureType t : values()) {
      if (t.name().equals(type)) return java.util.Optional.of(t);
    }
    return java.util.Optional.empty();
  }

  public static String[] names() {
    FailureType[] values = values();
    String[] names = new String[values.length];
    for (int i = 0; i < values.length; i++) {
      names[i] = values[i].name();
    }
    return names;
  }
}
