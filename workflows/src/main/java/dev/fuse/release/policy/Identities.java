package dev.fuse.release.policy;

import java.text.Normalizer;
import java.util.Locale;

/**
 * When two names are one person. Names are compared after Unicode NFKC normalisation and case
 * folding, so "ＡＬＩＣＥ" (fullwidth), "Alice" and " alice " are all alice: a requester cannot
 * approve their own release, nor a non-approver pass, by a compatibility form of a name.
 */
public final class Identities {
    private Identities() {}

    /** The form names are compared in. */
    public static String canonical(String name) {
        String normal = Normalizer.normalize(name.strip(), Normalizer.Form.NFKC);
        // Upper then lower folds the cases that a plain toLowerCase keeps apart (e.g. the long s).
        return normal.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
    }

    public static boolean same(String a, String b) {
        return a != null && b != null && canonical(a).equals(canonical(b));
    }
}
