package co.rtm.profiles.rules;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A rulebook with a mistake fails to load with the file, the line and the field. */
class RuleBookLoaderTest {
    private static final String THRESHOLDS = YamlFiles.resource(RuleBookLoader.BUILT_IN_THRESHOLDS);
    private static final String DEFECTS = YamlFiles.resource(RuleBookLoader.BUILT_IN_DEFECTS);

    private static RuleFileException loadFailure(String thresholds, String defects) {
        try {
            RuleBookLoader.load("rtmyec.yaml", thresholds, "defects.yaml", defects);
        } catch (RuleFileException e) {
            return e;
        }
        throw new AssertionError("the rulebook loaded");
    }

    private static int lineOf(String text, String needle) {
        return YamlFiles.lineOf(text, needle);
    }

    @Test
    void theShippedRulebookLoadsWithEveryRuleAndBothRegimes() {
        RuleBook rb = RuleBookLoader.builtIn();
        assertThat(rb.ref()).isEqualTo("rtmyec@1");
        assertThat(rb.emissionRegimes()).extracting(EmissionRegime::id).containsExactly("RES_910_2008", "RES_0762_2022");
        assertThat(rb.catalogue().find("7.1.1.1.1")).get().extracting(CatalogueEntry::type).isEqualTo(DefectType.A);
        assertThat(rb.checks()).allSatisfy(c -> assertThat(c.source()).isNotBlank());
    }

    @Test
    void anUnknownFieldNamesFileLineAndPath() {
        String bad = THRESHOLDS.replace("    fail: {lt: 50}\n", "    fail: {lt: 50}\n    failz: 3\n");
        RuleFileException e = loadFailure(bad, DEFECTS);
        assertThat(e.file()).isEqualTo("rtmyec.yaml");
        assertThat(e.line()).isEqualTo(lineOf(bad, "failz"));
        assertThat(e.field()).isEqualTo("checks[0].failz");
        assertThat(e.getMessage()).contains("unknown field 'failz'");
    }

    @Test
    void twoComparatorsInOneRuleAreRefused() {
        String bad = THRESHOLDS.replace("fail: {lt: 18}", "fail: {lt: 18, gt: 3}");
        RuleFileException e = loadFailure(bad, DEFECTS);
        assertThat(e.field()).isEqualTo("checks[1].fail");
        assertThat(e.line()).isEqualTo(lineOf(bad, "fail: {lt: 18, gt: 3}"));
        assertThat(e.getMessage()).contains("exactly one of");
    }

    static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> semanticMistakes() {
        return java.util.stream.Stream.of(
                org.junit.jupiter.params.provider.Arguments.of("quantity: brakes.serviceEfficiencyPct", "quantity: brakes.efficiency", "unknown quantity 'brakes.efficiency'"),
                org.junit.jupiter.params.provider.Arguments.of("defect: 1.1.8.33.1", "defect: 9.9.9.9", "defect code 9.9.9.9 is not in defects.yaml"),
                org.junit.jupiter.params.provider.Arguments.of("defect: 1.1.8.33.1", "defect: 1.1.7.30.1", "belongs to test 'brakes'"),
                org.junit.jupiter.params.provider.Arguments.of("    confidence: H\n  - id: brakes-parking", "    confidence: X\n  - id: brakes-parking", "Cannot deserialize value"),
                org.junit.jupiter.params.provider.Arguments.of("typeBRejectAtByService: {particular: 10, oficial: 10, diplomatico: 10, publico: 5, ensenanza: 5}",
                        "typeBRejectAtByService: {particular: 10}", "has no limit for 'publico'"),
                org.junit.jupiter.params.provider.Arguments.of("  - id: RES_0762_2022\n    from: 2023-02-08", "  - id: RES_0762_2022\n    from: 2023-02-07", "overlaps regime RES_910_2008"));
    }

    @ParameterizedTest(name = "{2}")
    @org.junit.jupiter.params.provider.MethodSource("semanticMistakes")
    void semanticMistakesAreReportedWithTheirLine(String from, String to, String message) {
        String needle = from.replace("\\n", "\n");
        String replacement = to.replace("\\n", "\n");
        assertThat(THRESHOLDS).contains(needle);
        String bad = THRESHOLDS.replaceFirst(java.util.regex.Pattern.quote(needle), java.util.regex.Matcher.quoteReplacement(replacement));
        RuleFileException e = loadFailure(bad, DEFECTS);
        assertThat(e.getMessage()).startsWith("rtmyec.yaml:").contains(message);
        assertThat(e.line()).isPositive();
    }

    @Test
    void aDuplicateCatalogueCodeNamesItsSecondLine() {
        String dup = DEFECTS + "  - {code: 1.1.8.33.1, type: A, test: suspension, description: \"x\", source: \"t\", confidence: H}\n";
        RuleFileException e = loadFailure(THRESHOLDS, dup);
        assertThat(e.file()).isEqualTo("defects.yaml");
        assertThat(e.line()).isEqualTo(dup.split("\n", -1).length - 1);
        assertThat(e.getMessage()).contains("1.1.8.33.1 appears twice");
    }

    @Test
    void invalidYamlSyntaxNamesTheLine() {
        assertThatThrownBy(() -> RuleBookLoader.load("rtmyec.yaml", "id: x\nversion: [1\n", "defects.yaml", DEFECTS))
                .isInstanceOf(RuleFileException.class).hasMessageStartingWith("rtmyec.yaml:");
    }
}
