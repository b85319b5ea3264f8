package co.rtm.sim.cale;

import java.util.ArrayList;
import java.util.List;

/**
 * What a station told a simulated terminal over one connection: every {@code REFUSED} code in order, and how the
 * turn ended ({@code RESULT}, {@code SUSPENDED}, the last refusal, or {@code LEFT} when the terminal hung up).
 */
public final class TerminalReply {
    public enum End { RESULT, SUSPENDED, REFUSED, LEFT, CLOSED }

    final List<String> refusals = new ArrayList<>();
    final List<String> questionIds = new ArrayList<>();
    End end = End.CLOSED;
    String verdict;
    int score = -1;
    int outOf = -1;
    String failedGroups;
    String suspension;

    public End end() { return end; }
    public List<String> refusals() { return List.copyOf(refusals); }
    /** The question ids in the order the station showed them. */
    public List<String> questionIds() { return List.copyOf(questionIds); }
    public String verdict() { return verdict; }
    public int score() { return score; }
    public int outOf() { return outOf; }
    /** Comma-separated groups I-IV, or "-". */
    public String failedGroups() { return failedGroups; }
    public String suspension() { return suspension; }

    @Override
    public String toString() {
        return end + (verdict == null ? "" : " " + verdict + " " + score + "/" + outOf + " failed " + failedGroups)
                + (refusals.isEmpty() ? "" : " refusals " + refusals) + (suspension == null ? "" : " (" + suspension + ")");
    }
}
