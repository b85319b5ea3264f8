package co.rtm.hub.cli;

import co.rtm.hub.geo.Municipalities;
import co.rtm.hub.geo.Municipality;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "where", mixinStandardHelpOptions = true,
        description = {"The municipality (DANE code) holding a WGS84 point: one JSON object {code, name, department}, "
                + "code null outside Colombia. Non-ASCII letters are written as \\u escapes.",
                "Exit 0 on an answer (inside or outside), 2 on bad input."})
final class WhereCommand implements Callable<Integer> {
    // escaped so the line is the same bytes whatever the terminal's charset
    private static final JsonMapper JSON = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

    @Option(names = "--lat", required = true, paramLabel = "DEGREES", description = "latitude, -90..90, e.g. 4.5981")
    String latitude;

    @Option(names = "--lon", required = true, paramLabel = "DEGREES", description = "longitude, -180..180, e.g. -74.0758")
    String longitude;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        double lat = degrees("--lat", latitude, 90);
        double lon = degrees("--lon", longitude, 180);
        Optional<Municipality> m = Municipalities.colombia().locate(lat, lon);
        ObjectNode node = JSON.createObjectNode();
        node.put("code", m.map(Municipality::code).orElse(null));
        node.put("name", m.map(Municipality::name).orElse(null));
        node.put("department", m.map(Municipality::department).orElse(null));
        PrintWriter out = spec.commandLine().getOut();
        out.println(JSON.writeValueAsString(node));
        out.flush();
        return 0;
    }

    private static double degrees(String option, String text, double limit) {
        double value;
        try {
            value = Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " '" + text + "' is not decimal degrees like 4.6097");
        }
        if (!(value >= -limit && value <= limit)) {
            throw new IllegalArgumentException(option + " " + text.trim() + " is outside -" + (int) limit + ".." + (int) limit);
        }
        return value;
    }
}
