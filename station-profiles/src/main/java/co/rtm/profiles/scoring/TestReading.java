package co.rtm.profiles.scoring;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one test yields for the checks: derived quantities (each a list of items), emission-table limits, and
 * the reasons the test is invalid, if any.
 */
final class TestReading {
    final Map<String, List<Item>> quantities = new LinkedHashMap<>();
    final Map<String, Double> tableLimits = new LinkedHashMap<>();
    final StringBuilder invalid = new StringBuilder();
    String tableUnit;

    TestReading put(String quantity, List<Item> items) {
        quantities.put(quantity, items);
        return this;
    }

    TestReading put(String quantity, String label, double value) {
        return put(quantity, List.of(new Item(label, value)));
    }

    TestReading invalid(String reason) {
        if (invalid.length() > 0) invalid.append("; ");
        invalid.append(reason);
        return this;
    }

    boolean isInvalid() { return invalid.length() > 0; }
}
