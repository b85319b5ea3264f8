package co.rtm.profiles.scoring;

import java.util.List;

/** A score with every item the checks judged, in rulebook order: what a FUR shows beside the verdict. */
public record Scored(ScoreResult score, List<Measured> measured) {
    public Scored {
        measured = List.copyOf(measured);
    }
}
