package co.rtm.sim.mobile;

import java.util.List;

/** A town a mobile line parks in: its municipality (DANE code) and the town's coordinates (WGS84). */
public record Town(String code, String name, double lat, double lon) {
    /**
     * The route of the simulator's line, in order: Amazonas, Vaupés, Guainía and Vichada, hundreds of kilometres from
     * any fixed CDA. Each town lies inside its municipality on the bundled DANE boundaries (checked by the tests).
     */
    public static final List<Town> ROUTE = List.of(
            new Town("91001", "Leticia", -4.2153, -69.9406),
            new Town("91540", "Puerto Nariño", -3.7703, -70.3831),
            new Town("97001", "Mitú", 1.2538, -70.2345),
            new Town("97161", "Carurú", 1.0136, -71.2965),
            new Town("94001", "Inírida", 3.8653, -67.9239),
            new Town("99001", "Puerto Carreño", 6.1890, -67.4859));
}
