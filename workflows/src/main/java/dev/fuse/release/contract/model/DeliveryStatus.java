package dev.fuse.release.contract.model;

/**
 * Where one event's delivery to one endpoint stands, as {@code status} shows it.
 *
 * @param endpoint the endpoint's label (its position and host, never its path or query)
 * @param attempts attempts made so far
 * @param lastOutcome what the last attempt answered (null before the first)
 */
public record DeliveryStatus(
        String eventId, NotificationEvent event, String endpoint, State state, int attempts, String lastOutcome) {

    public enum State {
        SENDING,
        RETRYING,
        DELIVERED,
        GIVEN_UP;

        public boolean settled() {
            return this == DELIVERED || this == GIVEN_UP;
        }
    }

    public DeliveryStatus after(State next, int attempt, String outcome) {
        return new DeliveryStatus(eventId, event, endpoint, next, attempt, outcome);
    }
}
