package co.rtm.profiles.exam.review;

import co.rtm.profiles.exam.practical.FaultCatalogue;
import co.rtm.profiles.exam.practical.PracticalResult;
import co.rtm.profiles.exam.practical.PracticalScorer;
import co.rtm.profiles.exam.theory.DrawnQuestion;
import co.rtm.profiles.exam.theory.QuestionBank;
import co.rtm.profiles.exam.theory.TheoryDraw;
import co.rtm.profiles.exam.theory.TheoryDrawer;
import co.rtm.profiles.exam.theory.TheoryResult;
import co.rtm.profiles.exam.theory.TheoryScorer;
import co.rtm.profiles.profile.StationProfile;
import co.rtm.profiles.profile.StationType;
import co.rtm.profiles.wire.ExamClaim;
import co.rtm.profiles.wire.ExamMessage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Re-scores an {@code exam} message from its content, as the hub does for inspections: for theory it re-draws the
 * exam from (bank, drawSeed, seat, category) and checks the questions and option orders are the ones shown, then
 * re-scores the answers; for practical it re-scores the recorded faults against the catalogue and the category's
 * pass mark. Pure: the caller resolves profile, bank and catalogue refs (the shipped ones by default).
 */
public final class ExamReviewer {
    private final Function<String, StationProfile> profiles;
    private final Map<String, QuestionBank> banks;
    private final Map<String, FaultCatalogue> catalogues;

    public ExamReviewer(Function<String, StationProfile> profiles, List<QuestionBank> banks, List<FaultCatalogue> catalogues) {
        this.profiles = Objects.requireNonNull(profiles, "profiles");
        Map<String, QuestionBank> b = new java.util.HashMap<>();
        banks.forEach(x -> b.put(x.ref(), x));
        this.banks = Map.copyOf(b);
        Map<String, FaultCatalogue> c = new java.util.HashMap<>();
        catalogues.forEach(x -> c.put(x.ref(), x));
        this.catalogues = Map.copyOf(c);
    }

    /** The shipped profiles, synthetic bank and fault catalogue. */
    public static ExamReviewer builtIn() {
        return new ExamReviewer(ref -> co.rtm.profiles.profile.Profiles.all().stream().filter(p -> p.ref().equals(ref)).findFirst().orElse(null),
                List.of(QuestionBank.synthetic()), List.of(FaultCatalogue.builtIn()));
    }

    public ExamReview review(ExamMessage m) {
        List<String> problems = new ArrayList<>();
        StationProfile profile = profiles.apply(m.profile());
        ExamClaim recomputed = null;
        if (profile == null) {
            problems.add("unknown profile " + m.profile());
        } else {
            try {
                recomputed = switch (m.part()) {
                    case THEORY -> theory(m, profile, problems);
                    case PRACTICAL -> practical(m, profile, problems);
                };
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
                recomputed = null;
            }
        }
        boolean follows = problems.isEmpty() && recomputed != null && recomputed.equals(m.claim());
        return new ExamReview(problems, recomputed, follows);
    }

    private ExamClaim theory(ExamMessage m, StationProfile profile, List<String> problems) {
        if (profile.station() != StationType.CALE_THEORY) {
            problems.add("profile " + m.profile() + " is not a theory profile");
            return null;
        }
        QuestionBank bank = banks.get(m.theory().bank());
        if (bank == null) {
            problems.add("unknown question bank " + m.theory().bank());
            return null;
        }
        TheoryDraw expected = new TheoryDrawer(profile.theory(), bank).draw(m.theory().drawSeed(), m.theory().seat(), m.category());
        List<DrawnQuestion> shown = m.theory().questions().stream().map(a -> new DrawnQuestion(a.id(), a.optionOrder())).toList();
        if (!shown.equals(expected.questions())) {
            problems.add("the questions shown are not the draw of seed " + m.theory().drawSeed() + " seat " + m.theory().seat());
        }
        TheoryResult r = new TheoryScorer(profile.theory(), bank).score(m.theory().questions());
        return new ExamClaim(r.correct(), r.total(), r.verdict(), r.failedGroups());
    }

    private ExamClaim practical(ExamMessage m, StationProfile profile, List<String> problems) {
        if (profile.station() != StationType.CALE_PRACTICAL) {
            problems.add("profile " + m.profile() + " is not a practical profile");
            return null;
        }
        FaultCatalogue catalogue = catalogues.get(m.practical().catalogue());
        if (catalogue == null) {
            problems.add("unknown fault catalogue " + m.practical().catalogue());
            return null;
        }
        PracticalResult r = new PracticalScorer(profile.practical(), catalogue).score(m.category(), m.practical().faults());
        return new ExamClaim(r.points(), r.maxPoints(), r.verdict(), List.of());
    }
}
