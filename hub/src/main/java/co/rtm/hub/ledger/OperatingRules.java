package co.rtm.hub.ledger;

import co.rtm.hub.registry.CenterRules;
import co.rtm.hub.registry.ColombianHolidays;
import co.rtm.hub.registry.OpeningHours;
import co.rtm.profiles.vehicle.VehicleKind;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.Optional;

/**
 * The rules on when and what a lane may inspect, without I/O: the centre's accreditation, its environmental
 * certificate, its class, its opening hours and the lane's capacity, each judged on the result's {@code startedAt}
 * read on the Bogotá clock. Checked in that order; the first broken one refuses. Anything not registered is not checked.
 */
public final class OperatingRules {
    private OperatingRules() {
    }

    /**
     * @param acceptedInHour results already accepted from the submission's station whose start falls in the same
     *                       clock hour as the submission's (only read when the lane has a capacity)
     */
    public static Optional<LedgerDecision> check(Submission s, LaneLimits limits, long acceptedInHour) {
        CenterRules center = limits.center();
        ZonedDateTime started = s.startedAt().atZone(OpeningHours.BOGOTA);
        LocalDate day = started.toLocalDate();
        if (center.accreditedUntil() != null && day.isAfter(center.accreditedUntil())) {
            return refuse(RefusalReasons.ACCREDITATION_EXPIRED, "started " + started.toLocalDateTime() + "; centre "
                    + s.centerId() + " is accredited until " + center.accreditedUntil());
        }
        if (center.environmentalUntil() != null && day.isAfter(center.environmentalUntil())) {
            // art. 3.3.1.2 b (certificate of the environmental authority), art. 3.3.1.5 g (keep it current)
            return refuse(RefusalReasons.ENVIRONMENTAL_CERTIFICATE_EXPIRED, "started " + started.toLocalDateTime()
                    + "; the environmental certificate of centre " + s.centerId() + " is valid until "
                    + center.environmentalUntil() + " (art. 3.3.1.5 g)");
        }
        if (center.centerClass() != null && s.vehicleKind() != null
                && !center.centerClass().allows(s.vehicleKind(), limits.laneKinds())) {
            // art. 3.3.3.6 (classes A-D), art. 3.3.8.1 (motocarros only at B and D)
            return refuse(RefusalReasons.VEHICLE_KIND_NOT_ALLOWED, "a " + name(s.vehicleKind()) + " may not be inspected"
                    + " on lane " + s.stationId() + " of class " + center.centerClass() + " centre " + s.centerId()
                    + " (art. 3.3.3.6)");
        }
        if (!center.hours().isOpen(s.startedAt())) {
            return refuse(RefusalReasons.OUTSIDE_OPERATING_HOURS, "started " + started.toLocalDateTime() + " (Bogotá, "
                    + started.getDayOfWeek().toString().toLowerCase(Locale.ROOT)
                    + (ColombianHolidays.isHoliday(day) ? ", a public holiday" : "") + "); centre " + s.centerId() + " is open "
                    + center.hours().format());
        }
        if (limits.capacityLimited() && acceptedInHour >= limits.capacityPerHour()) {
            return refuse(RefusalReasons.CAPACITY_EXCEEDED, "lane " + s.stationId() + " already has " + acceptedInHour
                    + " results started " + ClockHour.of(s.startedAt()).text()
                    + "; its capacity is " + limits.capacityPerHour() + " per hour");
        }
        return Optional.empty();
    }

    private static String name(VehicleKind kind) {
        return switch (kind) {
            case LIGHT -> "light vehicle";
            case HEAVY -> "heavy vehicle";
            case MOTORCYCLE -> "motorcycle";
            case MOTOCARRO -> "motocarro";
        };
    }

    private static Optional<LedgerDecision> refuse(String code, String detail) {
        return Optional.of(new LedgerDecision.Refuse(code, detail));
    }
}
