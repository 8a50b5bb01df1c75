package dev.fuse.release.contract.model;

/**
 * How one attempt went: delivered (a 2xx answer), or not and whether another attempt may help.
 *
 * @param outcome what happened, in words that name no address or secret ("HTTP 503", "connection refused")
 */
public record DeliveryAttempt(boolean delivered, boolean retryable, String outcome) {

    public static DeliveryAttempt delivered(String outcome) {
        return new DeliveryAttempt(true, false, outcome);
    }

    public static DeliveryAttempt failed(boolean retryable, String outcome) {
        return new DeliveryAttempt(false, retryable, outcome);
    }
}
