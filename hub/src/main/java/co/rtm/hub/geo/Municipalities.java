package co.rtm.hub.geo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The 1,122 Colombian municipalities with their simplified DANE boundaries (docs/municipalities.md), immutable and
 * safe to share between threads: which municipality holds a point, and how far a point is from one.
 *
 * <p>{@link #colombia()} loads the bundled GeoJSON once per JVM.
 */
public final class Municipalities {
    /** Bundled resource: DANE Marco Geoestadístico Nacional 2018, simplified with mapshaper. */
    public static final String RESOURCE = "/co/rtm/hub/geo/municipalities-co.geojson";
    static final double CELL_DEGREES = 0.1;

    private final List<Municipality> municipalities;
    private final List<Boundary> boundaries;
    private final Map<String, Integer> byCode;
    private final GridIndex index;

    private Municipalities(List<Municipality> municipalities, List<Boundary> boundaries) {
        this.municipalities = List.copyOf(municipalities);
        this.boundaries = List.copyOf(boundaries);
        Map<String, Integer> codes = new HashMap<>();
        for (int i = 0; i < municipalities.size(); i++) {
            if (codes.put(municipalities.get(i).code(), i) != null) {
                throw new IllegalArgumentException("municipality code " + municipalities.get(i).code() + " appears twice");
            }
        }
        this.byCode = Map.copyOf(codes);
        this.index = new GridIndex(this.boundaries, CELL_DEGREES);
    }

    private static final class Bundled {
        static final Municipalities INSTANCE = load();

        private static Municipalities load() {
            try (InputStream in = Municipalities.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("resource " + RESOURCE + " is missing from the class path");
                }
                return read(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The bundled municipalities, loaded on first use and shared. */
    public static Municipalities colombia() {
        return Bundled.INSTANCE;
    }

    /**
     * Reads a GeoJSON FeatureCollection whose features have properties {@code code, name, department,
     * departmentCode, areaKm2} and a Polygon or MultiPolygon geometry (holes allowed).
     */
    public static Municipalities read(InputStream geojson) throws IOException {
        JsonNode root = new ObjectMapper().readTree(geojson);
        if (root == null || !"FeatureCollection".equals(root.path("type").asText())) {
            throw new IOException("not a GeoJSON FeatureCollection");
        }
        record Entry(Municipality municipality, Boundary boundary) {
        }
        List<Entry> entries = new ArrayList<>();
        for (JsonNode feature : root.path("features")) {
            JsonNode p = feature.path("properties");
            String code = p.path("code").asText(null);
            Municipality m;
            try {
                m = new Municipality(code, p.path("name").asText(null), p.path("department").asText(null),
                        p.path("departmentCode").asText(null), p.path("areaKm2").asDouble(Double.NaN));
            } catch (IllegalArgumentException e) {
                throw new IOException("feature " + entries.size() + ": " + e.getMessage(), e);
            }
            JsonNode geometry = feature.path("geometry");
            JsonNode coordinates = geometry.path("coordinates");
            double[][][] polygons = switch (geometry.path("type").asText()) {
                case "Polygon" -> new double[][][] {polygon(coordinates)};
                case "MultiPolygon" -> {
                    double[][][] all = new double[coordinates.size()][][];
                    for (int i = 0; i < all.length; i++) {
                        all[i] = polygon(coordinates.get(i));
                    }
                    yield all;
                }
                default -> throw new IOException("municipality " + code + ": geometry must be Polygon or MultiPolygon, not "
                        + geometry.path("type").asText("none"));
            };
            try {
                entries.add(new Entry(m, new Boundary(polygons)));
            } catch (IllegalArgumentException e) {
                throw new IOException("municipality " + code + ": " + e.getMessage(), e);
            }
        }
        if (entries.isEmpty()) {
            throw new IOException("no municipalities in the file");
        }
        // ascending code: the grid lists candidates in this order, so where polygons overlap the lowest code wins
        entries.sort(Comparator.comparing(e -> e.municipality().code()));
        return new Municipalities(entries.stream().map(Entry::municipality).toList(),
                entries.stream().map(Entry::boundary).toList());
    }

    private static double[][] polygon(JsonNode rings) throws IOException {
        if (!rings.isArray() || rings.isEmpty()) {
            throw new IOException("a polygon needs an outer ring");
        }
        double[][] out = new double[rings.size()][];
        for (int r = 0; r < out.length; r++) {
            JsonNode ring = rings.get(r);
            double[] xy = new double[ring.size() * 2];
            for (int i = 0; i < ring.size(); i++) {
                JsonNode position = ring.get(i);
                if (!position.path(0).isNumber() || !position.path(1).isNumber()) {
                    throw new IOException("a position must be [longitude, latitude]");
                }
                xy[2 * i] = position.get(0).doubleValue();
                xy[2 * i + 1] = position.get(1).doubleValue();
            }
            out[r] = xy;
        }
        return out;
    }

    /** Every municipality, by ascending DANE code. */
    public List<Municipality> all() {
        return municipalities;
    }

    public Optional<Municipality> byCode(String code) {
        Integer i = byCode.get(code);
        return i == null ? Optional.empty() : Optional.of(municipalities.get(i));
    }

    /**
     * The municipality holding the point (WGS84 degrees), or empty at sea and abroad. A point exactly on a border
     * shared by two municipalities belongs to the one east of it (north of it where the border runs east-west),
     * see {@link Boundary#contains}; where simplified polygons overlap, the lowest code wins.
     *
     * @throws IllegalArgumentException for a latitude outside [-90, 90], a longitude outside [-180, 180], or NaN
     */
    public Optional<Municipality> locate(double lat, double lon) {
        Earth.checkPoint(lat, lon);
        for (int k : index.candidates(lat, lon)) {
            if (boundaries.get(k).contains(lat, lon)) {
                return Optional.of(municipalities.get(k));
            }
        }
        return Optional.empty();
    }

    /** Whether the municipality's polygons hold the point (same border rule as {@link #locate}). */
    public boolean contains(String code, double lat, double lon) {
        Earth.checkPoint(lat, lon);
        return boundary(code).contains(lat, lon);
    }

    /** Metres from the point to the municipality's boundary, whether the point is inside or outside. */
    public double distanceToBoundaryMetres(String code, double lat, double lon) {
        Earth.checkPoint(lat, lon);
        return boundary(code).distanceToBoundaryMetres(lat, lon);
    }

    /** Metres from the point to the municipality: 0 inside it, else the distance to its boundary. */
    public double distanceMetres(String code, double lat, double lon) {
        Earth.checkPoint(lat, lon);
        Boundary b = boundary(code);
        return b.contains(lat, lon) ? 0 : b.distanceToBoundaryMetres(lat, lon);
    }

    /** The polygons of one municipality as {lon, lat} interleaved rings, for tests and benchmarks. */
    double[][][] polygons(String code) {
        return boundary(code).polygons();
    }

    List<Boundary> boundaries() {
        return boundaries;
    }

    int gridCells() {
        return index.cellCount();
    }

    private Boundary boundary(String code) {
        Integer i = byCode.get(code);
        if (i == null) {
            throw new IllegalArgumentException("unknown DANE municipality code: " + code);
        }
        return boundaries.get(i);
    }

    @Override
    public String toString() {
        return "Municipalities[" + municipalities.size() + "]";
    }
}
