package co.rtm.hub.api;

import java.time.Instant;

/** Search criteria for inspections; null means "any". {@code from} inclusive, {@code to} exclusive, on tested_at. */
record InspectionQuery(String plate, String center, Long fur, Long certificate, Instant from, Instant to) {
}
