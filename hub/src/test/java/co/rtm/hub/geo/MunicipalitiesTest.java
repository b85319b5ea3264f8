package co.rtm.hub.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MunicipalitiesTest {
    private static final Municipalities CO = Municipalities.colombia();

    @Test
    void bundledFileHasEveryMunicipalityOnce() {
        assertThat(CO.all()).hasSize(1122);
        assertThat(CO.all().stream().map(Municipality::code).distinct()).hasSize(1122);
        assertThat(CO.all()).allSatisfy(m -> assertThat(m.code()).startsWith(m.departmentCode()));
        assertThat(CO.all().stream().filter(m -> CO.polygons(m.code()).length > 1)).isNotEmpty();
    }

    @Test
    void cityCentresResolveToTheirDaneCodes() {
        assertLocated(4.5981, -74.0758, "11001", "BOGOTÁ, D.C.");     // Plaza de Bolívar
        assertLocated(6.2442, -75.5812, "05001", "MEDELLÍN");         // Parque Berrío
        assertLocated(3.4516, -76.5320, "76001", "CALI");             // Plaza de Caicedo
        assertLocated(-4.2153, -69.9406, "91001", "LETICIA");         // Parque Santander
        assertLocated(12.5836, -81.7112, "88001", "SAN ANDRÉS");      // Gustavo Rojas Pinilla airport
        assertLocated(13.3500, -81.3700, "88564", "PROVIDENCIA");
        assertLocated(10.9685, -74.7813, "08001", "BARRANQUILLA");
    }

    @Test
    void seaAndNeighbouringCountriesAnswerNone() {
        assertThat(CO.locate(5.0, -80.0)).isEmpty();      // Pacific
        assertThat(CO.locate(12.0, -77.0)).isEmpty();     // Caribbean, inside the grid's box
        assertThat(CO.locate(10.48, -66.90)).isEmpty();   // Caracas
        assertThat(CO.locate(10.65, -71.64)).isEmpty();   // Maracaibo
        assertThat(CO.locate(8.98, -79.52)).isEmpty();    // Panamá
        assertThat(CO.locate(-0.18, -78.47)).isEmpty();   // Quito
        assertThat(CO.locate(0, 0)).isEmpty();            // outside the grid
        assertThat(CO.locate(-90, 180)).isEmpty();
    }

    @Test
    void outOfRangeCoordinatesAreRefused() {
        assertThatThrownBy(() -> CO.locate(90.5, -74)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("latitude");
        assertThatThrownBy(() -> CO.locate(4, -180.1)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("longitude");
        assertThatThrownBy(() -> CO.locate(Double.NaN, -74)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CO.distanceMetres("99999", 4, -74)).hasMessageContaining("unknown DANE municipality code");
    }

    /** The longest edge Bogotá shares with a neighbour; points 300 m each side along its normal. */
    @Test
    void pointsAFewHundredMetresEachSideOfARealBorder() {
        SharedEdge e = longestSharedEdge("11001");
        double midLat = (e.lat0 + e.lat1) / 2, midLon = (e.lon0 + e.lon1) / 2;
        double ky = Earth.metresPerDegreeLat(midLat), kx = Earth.metresPerDegreeLon(midLat);
        double ex = (e.lon1 - e.lon0) * kx, ey = (e.lat1 - e.lat0) * ky;
        double len = Math.hypot(ex, ey);
        assertThat(len).isGreaterThan(2_000);
        // left of the edge as it runs in Bogotá's ring: inside when the ring is counter-clockwise
        double side = signedArea(CO.polygons("11001")[0][0]) > 0 ? 1 : -1;
        double nx = -ey / len * side, ny = ex / len * side;
        double inLat = midLat + 300 * ny / ky, inLon = midLon + 300 * nx / kx;
        double outLat = midLat - 300 * ny / ky, outLon = midLon - 300 * nx / kx;

        assertThat(CO.locate(inLat, inLon)).map(Municipality::code).contains("11001");
        assertThat(CO.locate(outLat, outLon)).map(Municipality::code).contains(e.neighbour);
        assertThat(CO.distanceToBoundaryMetres("11001", inLat, inLon)).isCloseTo(300, within(1.0));
        assertThat(CO.distanceToBoundaryMetres(e.neighbour, outLat, outLon)).isCloseTo(300, within(1.0));
        assertThat(CO.distanceMetres("11001", inLat, inLon)).isZero();
        assertThat(CO.distanceMetres("11001", outLat, outLon)).isCloseTo(300, within(1.0));
    }

    /** A vertex on a border shared by exactly two municipalities belongs to one of them: the eastern one. */
    @Test
    void aPointExactlyOnASharedBorderAnswersTheEasternMunicipality() {
        SharedEdge e = longestSharedEdge("05001");
        Optional<Municipality> onVertex = CO.locate(e.lat0, e.lon0);
        assertThat(onVertex).map(Municipality::code).hasValueSatisfying(c -> assertThat(c).isIn("05001", e.neighbour));
        assertThat(CO.locate(e.lat0, e.lon0)).isEqualTo(onVertex);
        assertThat(onVertex).isEqualTo(CO.locate(e.lat0, Math.nextUp(e.lon0 + 1e-9)));
        assertThat(CO.locate(e.lat0, e.lon0 - 1e-9)).isNotEqualTo(onVertex);
    }

    /** Points due north of a municipality's northernmost vertex: that vertex is the nearest boundary point. */
    @Test
    void distanceAlongAMeridianFromTheNorthernmostVertex() {
        for (String code : new String[] {"11001", "91001", "88001", "44001"}) {
            double[] v = northernmostVertex(code);
            for (double metres : new double[] {1_000, 49_000, 51_000}) {
                double lat = MeridianArc.latitudeNorthOf(v[1], metres);
                assertThat(CO.distanceToBoundaryMetres(code, lat, v[0])).as(code + " " + metres).isCloseTo(metres, within(1.0));
                assertThat(CO.distanceMetres(code, lat, v[0])).isCloseTo(metres, within(1.0));
                // a sphere (haversine) disagrees with the ellipsoid by well under 1 % on a meridian at these latitudes
                assertThat(MeridianArc.haversineMetres(v[1], v[0], lat, v[0])).isCloseTo(metres, within(metres * 0.01));
            }
        }
    }

    @Test
    void holesAndMultiPolygonsFromAnyGeoJson() throws IOException {
        String json = """
                {"type":"FeatureCollection","features":[
                 {"type":"Feature","properties":{"code":"99001","name":"RING","department":"TEST","departmentCode":"99","areaKm2":1},
                  "geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,1],[0,0]],[[0.4,0.4],[0.4,0.6],[0.6,0.6],[0.6,0.4],[0.4,0.4]]]}},
                 {"type":"Feature","properties":{"code":"99002","name":"HOLE AND ISLE","department":"TEST","departmentCode":"99","areaKm2":1},
                  "geometry":{"type":"MultiPolygon","coordinates":[[[[0.4,0.4],[0.6,0.4],[0.6,0.6],[0.4,0.6],[0.4,0.4]]],[[[2,0],[3,0],[3,1],[2,0]]]]}}]}
                """;
        Municipalities m = Municipalities.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
        assertThat(m.locate(0.2, 0.2)).map(Municipality::code).contains("99001");
        assertThat(m.locate(0.5, 0.5)).map(Municipality::code).contains("99002");
        assertThat(m.locate(0.2, 2.8)).map(Municipality::code).contains("99002");
        assertThat(m.locate(0.8, 2.2)).isEmpty();
        assertThat(m.locate(0.5, 1.5)).isEmpty();
        // from the hole's centre the nearest boundary of the ring is the hole's edge, 0.1 degree away
        assertThat(m.distanceMetres("99001", 0.5, 0.5)).isCloseTo(0.1 * Earth.metresPerDegreeLat(0.5), within(5.0));
        assertThat(m.distanceMetres("99002", 0.5, 0.5)).isZero();

        assertThatThrownBy(() -> Municipalities.read(new ByteArrayInputStream(json.replace("\"Polygon\"", "\"Point\"")
                .getBytes(StandardCharsets.UTF_8)))).isInstanceOf(IOException.class).hasMessageContaining("99001");
    }

    private static void assertLocated(double lat, double lon, String code, String name) {
        Optional<Municipality> m = CO.locate(lat, lon);
        assertThat(m).as("(%s, %s)", lat, lon).map(Municipality::code).contains(code);
        assertThat(m.get().name()).isEqualTo(name);
        assertThat(CO.distanceMetres(code, lat, lon)).isZero();
    }

    record SharedEdge(double lon0, double lat0, double lon1, double lat1, String neighbour) {
    }

    /** The longest edge of a municipality's outer ring that another municipality has too (same two vertices). */
    static SharedEdge longestSharedEdge(String code) {
        Map<String, String> edgeOwner = new HashMap<>();
        for (Municipality m : CO.all()) {
            if (m.code().equals(code)) {
                continue;
            }
            for (double[][] polygon : CO.polygons(m.code())) {
                for (double[] ring : polygon) {
                    for (int i = 0; i + 3 < ring.length; i += 2) {
                        edgeOwner.put(key(ring[i], ring[i + 1], ring[i + 2], ring[i + 3]), m.code());
                        edgeOwner.put(key(ring[i + 2], ring[i + 3], ring[i], ring[i + 1]), m.code());
                    }
                }
            }
        }
        double[] ring = CO.polygons(code)[0][0];
        SharedEdge best = null;
        double bestLength = 0;
        for (int i = 0; i + 3 < ring.length; i += 2) {
            String other = edgeOwner.get(key(ring[i], ring[i + 1], ring[i + 2], ring[i + 3]));
            double length = Earth.metres(ring[i + 1], ring[i], ring[i + 3], ring[i + 2]);
            if (other != null && length > bestLength && onlyTwoOwners(ring[i], ring[i + 1], code, other)) {
                best = new SharedEdge(ring[i], ring[i + 1], ring[i + 2], ring[i + 3], other);
                bestLength = length;
            }
        }
        assertThat(best).as("an edge shared with a neighbour").isNotNull();
        return best;
    }

    private static boolean onlyTwoOwners(double lon, double lat, String a, String b) {
        Set<String> owners = new HashSet<>();
        for (Municipality m : CO.all()) {
            for (double[][] polygon : CO.polygons(m.code())) {
                for (double[] ring : polygon) {
                    for (int i = 0; i < ring.length; i += 2) {
                        if (ring[i] == lon && ring[i + 1] == lat) {
                            owners.add(m.code());
                        }
                    }
                }
            }
        }
        return owners.equals(Set.of(a, b));
    }

    private static String key(double lon0, double lat0, double lon1, double lat1) {
        return lon0 + "," + lat0 + ";" + lon1 + "," + lat1;
    }

    /** Shoelace in degrees: positive for a counter-clockwise ring. */
    private static double signedArea(double[] ring) {
        double s = 0;
        for (int i = 0; i + 3 < ring.length; i += 2) {
            s += ring[i] * ring[i + 3] - ring[i + 2] * ring[i + 1];
        }
        return s / 2;
    }

    private static double[] northernmostVertex(String code) {
        double[] best = null;
        for (double[][] polygon : CO.polygons(code)) {
            double[] ring = polygon[0];
            for (int i = 0; i < ring.length; i += 2) {
                if (best == null || ring[i + 1] > best[1]) {
                    best = new double[] {ring[i], ring[i + 1]};
                }
            }
        }
        return best;
    }
}
