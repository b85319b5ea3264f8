package co.rtm.agent.limits;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import co.rtm.profiles.config.OpeningWeek;
import co.rtm.profiles.config.ScheduleStop;
import co.rtm.profiles.config.StationConfig;
import co.rtm.profiles.vehicle.VehicleKind;

/**
 * Would the hub refuse an inspection started now? The same rules, in the same order, as the hub's ledger
 * ({@code OperatingRules}), judged on the {@link StationConfig} the hub sent and the lane's own count of starts in
 * the current clock hour. Texts are in Spanish: the technician reads them. Pure.
 */
public final class LaneLimitsCheck {

    /** Why the lane should not start a vehicle now. */
    public enum Reason { STATION_INACTIVE, ACCREDITATION_EXPIRED, ENVIRONMENTAL_CERTIFICATE_EXPIRED, HOLIDAY,
        OUTSIDE_OPERATING_HOURS, CAPACITY_REACHED,
        NOT_IN_SCHEDULED_MUNICIPALITY }

    /** A reason and what the technician is told. */
    public record Hold(Reason reason, String text) {
    }

    private static final Locale ES = Locale.forLanguageTag("es-CO");

    private LaneLimitsCheck() {
    }

    /**
     * @param startedThisHour inspections this lane started in the clock hour (Bogotá) of {@code now}
     * @return empty when the hub would accept an inspection started at {@code now}
     */
    public static Optional<Hold> check(StationConfig config, Instant now, long startedThisHour) {
        ZonedDateTime local = now.atZone(OpeningWeek.BOGOTA);
        LocalDate today = local.toLocalDate();
        if (!config.active()) {
            return hold(Reason.STATION_INACTIVE, "Estación desactivada en el hub: no inicie inspecciones,"
                    + " el hub las rechazará");
        }
        if (config.accreditedUntil() != null && today.isAfter(config.accreditedUntil())) {
            return hold(Reason.ACCREDITATION_EXPIRED, "Acreditación del centro vencida (válida hasta "
                    + config.accreditedUntil() + "): el hub rechazará la inspección");
        }
        if (config.environmentalUntil() != null && today.isAfter(config.environmentalUntil())) {
            // art. 3.3.1.5 g: the environmental authority's certificate must be current
            return hold(Reason.ENVIRONMENTAL_CERTIFICATE_EXPIRED, "Certificado de la autoridad ambiental vencido (válido hasta "
                    + config.environmentalUntil() + "): el hub rechazará la inspección");
        }
        OpeningWeek hours = config.hours();
        LocalDateTime wall = local.toLocalDateTime();
        if (hours != null && !hours.isOpen(wall)) {
            // art. 3.3.5.2.4: inspections only within the registered opening hours
            String next = hours.nextOpening(wall).map(t -> "; abre " + when(t, today)).orElse("");
            if (hours.isHoliday(today) && hours.rangesOn(today).isEmpty()) {
                return hold(Reason.HOLIDAY, "Día festivo: el centro no atiende hoy" + next);
            }
            return hold(Reason.OUTSIDE_OPERATING_HOURS, "Fuera del horario de atención del centro" + next);
        }
        Integer capacity = config.capacityPerHour();
        if (capacity != null && startedThisHour >= capacity) {
            // art. 3.3.5.2.4: at most the lane's effective capacity per clock hour
            ZonedDateTime hour = local.truncatedTo(ChronoUnit.HOURS);
            return hold(Reason.CAPACITY_REACHED, "Capacidad de la línea alcanzada: " + startedThisHour + " de " + capacity
                    + " inspecciones iniciadas entre las " + hhmm(hour) + " y las " + hhmm(hour.plusHours(1))
                    + "; la siguiente a partir de las " + hhmm(hour.plusHours(1)));
        }
        if (!config.schedule().isEmpty() && config.schedule().stream().noneMatch(stop -> covers(stop, now))) {
            // art. 3.3.1.6 m: a mobile line works only in the municipalities of its schedule, on their dates
            return hold(Reason.NOT_IN_SCHEDULED_MUNICIPALITY, "Sin municipio programado para hoy: el hub rechazará"
                    + " la inspección de esta línea móvil");
        }
        return Optional.empty();
    }

    /** A refusal for a vehicle of {@code kind} the lane may not inspect (its profile or the centre's class). */
    public static Optional<String> vehicleRefusal(StationConfig config, VehicleKind kind) {
        if (config.allows(kind)) {
            return Optional.empty();
        }
        String allowed = config.vehicleKinds().isEmpty() ? "ninguno"
                : config.vehicleKinds().stream().map(LaneLimitsCheck::name).collect(Collectors.joining(", "));
        // art. 3.3.3.6: each class of CDA inspects only its kinds of vehicle
        return Optional.of("Vehículo no permitido en esta línea: " + name(kind) + " (permitidos: " + allowed
                + "); no se inspecciona");
    }

    static String name(VehicleKind kind) {
        return switch (kind) {
            case LIGHT -> "liviano";
            case HEAVY -> "pesado";
            case MOTORCYCLE -> "motocicleta";
            case MOTOCARRO -> "motocarro";
        };
    }

    private static String when(LocalDateTime t, LocalDate today) {
        String day = t.toLocalDate().equals(today) ? "hoy"
                : t.toLocalDate().equals(today.plusDays(1)) ? "mañana"
                : "el " + t.getDayOfWeek().getDisplayName(TextStyle.FULL, ES) + " " + t.toLocalDate();
        return day + " a las " + String.format("%02d:%02d", t.getHour(), t.getMinute());
    }

    private static boolean covers(ScheduleStop stop, Instant now) {
        return !now.isBefore(stop.from().toInstant()) && now.isBefore(stop.to().toInstant());
    }

    private static String hhmm(ZonedDateTime t) {
        return String.format("%02d:%02d", t.getHour(), t.getMinute());
    }

    private static Optional<Hold> hold(Reason reason, String text) {
        return Optional.of(new Hold(reason, text));
    }
}
