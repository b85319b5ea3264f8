package co.rtm.hub.registry;

/**
 * Where a centre's sede is (art. 3.3.1.1, 3.3.1.3): department, municipality and address as text, each null when
 * not registered, and optional WGS84 coordinates, both or neither.
 */
public record CenterLocation(String department, String municipality, String address, Double latitude, Double longitude) {
    public static final CenterLocation NONE = new CenterLocation(null, null, null, null, null);
    private static final int MAX_TEXT = 200;

    public CenterLocation {
        department = clean("department", department);
        municipality = clean("municipality", municipality);
        address = clean("address", address);
        if ((latitude == null) != (longitude == null)) {
            throw new IllegalArgumentException("latitude and longitude go together: give both or neither");
        }
        if (latitude != null && !(latitude >= -90 && latitude <= 90)) {
            throw new IllegalArgumentException("latitude must be between -90 and 90: " + latitude);
        }
        if (longitude != null && !(longitude >= -180 && longitude <= 180)) {
            throw new IllegalArgumentException("longitude must be between -180 and 180: " + longitude);
        }
    }

    public CenterLocation withDepartment(String d) {
        return new CenterLocation(d, municipality, address, latitude, longitude);
    }

    public CenterLocation withMunicipality(String m) {
        return new CenterLocation(department, m, address, latitude, longitude);
    }

    public CenterLocation withAddress(String a) {
        return new CenterLocation(department, municipality, a, latitude, longitude);
    }

    /** Both null clears the coordinates. */
    public CenterLocation withCoordinates(Double lat, Double lon) {
        return new CenterLocation(department, municipality, address, lat, lon);
    }

    /** Blank text is "not registered". */
    private static String clean(String what, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String s = text.strip();
        if (s.length() > MAX_TEXT) {
            throw new IllegalArgumentException(what + " is longer than " + MAX_TEXT + " characters");
        }
        return s;
    }
}
