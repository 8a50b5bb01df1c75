package dev.fuse.release.workflow;

/**
 * Typed failures shared by activities and workflows. Each is non-retryable: retrying the same
 * input would fail the same way, so the failure goes straight to the workflow (and to the
 * operator) instead of burning retries.
 */
public enum FailureType {
  INVALID_RECIPE,
  CHECKOUT_FAILED,
  BUILD_COMMAND_FAILED,
  BAD_ARCHIVE,
  DIGEST_MISMATCH,
  ALREADY_PUBLISHED,
  POLICY_VIOLATION,
  TARGET_NOT_SERVED,
  NOT_REPRODUCIBLE,
  PARITY_REPORT_INVALID,
  MEASUREMENT_FAILED;

  public static String[] names() {
    FailureType[] values = values();
    String[] names = new String[values.length];
    for (int i = 0; i < values.length; i++) {
      names[i] = values[i].name();
    }
    return names;
  }
}
