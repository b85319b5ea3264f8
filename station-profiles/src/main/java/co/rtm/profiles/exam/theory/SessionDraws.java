package co.rtm.profiles.exam.theory;

import co.rtm.profiles.exam.LicenceCategory;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The draws issued in one room and session (one {@code drawSeed}). A seat/turn number is issued once: a candidate
 * whose exam is suspended restarts from identification (art. 3.7.3.1.3, seed line 2559) on a new seat number, so
 * they never see the same order twice. Each issued order is also checked against those already issued, so a
 * duplicate would be refused even if the construction in {@link TheoryDrawer} were broken. Not thread-safe: one
 * room session is driven by one station.
 */
public final class SessionDraws {
    private final TheoryDrawer drawer;
    private final String drawSeed;
    private final Map<Integer, TheoryDraw> bySeat = new HashMap<>();
    private final Set<List<String>> orders = new HashSet<>();

    public SessionDraws(TheoryDrawer drawer, String drawSeed) {
        this.drawer = Objects.requireNonNull(drawer, "drawer");
        this.drawSeed = TheoryDrawer.requireSeed(drawSeed);
    }

    public String drawSeed() { return drawSeed; }

    /** The next unused seat number (0 for the first candidate). */
    public int nextSeat() { return bySeat.size(); }

    /** Draws for {@code seat}; refuses a seat already issued in this session, and an order already issued. */
    public TheoryDraw issue(int seat, LicenceCategory category) {
        if (bySeat.containsKey(seat)) throw new IllegalStateException("seat " + seat + " was already issued in this session");
        TheoryDraw d = drawer.draw(drawSeed, seat, category);
        if (!orders.add(d.questionIds())) throw new IllegalStateException("the order drawn for seat " + seat + " was already issued in this session");
        bySeat.put(seat, d);
        return d;
    }

    public int issued() { return bySeat.size(); }
}
