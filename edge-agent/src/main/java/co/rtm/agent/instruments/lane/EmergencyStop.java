package co.rtm.agent.instruments.lane;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The lane's emergency stop as the software sees it: pressed or released, and how many times it has been pressed.
 * Thread-safe. Whoever reads the button (the GPIO input, a test) calls {@link #press} and {@link #release}; the
 * inspection session checks {@link #pressed()}, waits with {@link #awaitRelease}, or runs its tests under a
 * {@link TestGuard}. Listeners are called on the thread that pressed or released, outside any lock.
 *
 * <p>{@link #presses()} only ever grows, so a press and release that both happen while a test runs are still
 * seen by comparing the count before and after.
 */
public final class EmergencyStop {

    /** Told about every press and release; must not block. */
    public interface Listener {
        void pressed(Instant at, String source);

        default void released(Instant at) {}
    }

    /** A listener registration; {@link #close()} removes it. */
    public interface Subscription extends AutoCloseable {
        @Override
        void close();
    }

    private final CopyOnWriteArrayList<Listener> listeners = new CopyOnWriteArrayList<>();
    private boolean pressed;
    private long presses;
    private Instant pressedAt;
    private String source;

    /** Whether the stop is pressed now. */
    public synchronized boolean pressed() {
        return pressed;
    }

    /** How many times the stop went from released to pressed since this object was made. */
    public synchronized long presses() {
        return presses;
    }

    /** When the current press started, while pressed. */
    public synchronized Optional<Instant> pressedAt() {
        return pressed ? Optional.of(pressedAt) : Optional.empty();
    }

    /** What pressed it (for messages), while pressed. */
    public synchronized Optional<String> source() {
        return pressed ? Optional.of(source) : Optional.empty();
    }

    /** The stop was pressed; a second press while pressed changes nothing. */
    public void press(Instant at, String source) {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(source, "source");
        synchronized (this) {
            if (pressed) {
                return;
            }
            pressed = true;
            presses++;
            pressedAt = at;
            this.source = source;
        }
        for (Listener l : listeners) {
            l.pressed(at, source);
        }
    }

    /** The stop was released; releasing a released stop changes nothing. */
    public void release(Instant at) {
        Objects.requireNonNull(at, "at");
        synchronized (this) {
            if (!pressed) {
                return;
            }
            pressed = false;
            pressedAt = null;
            source = null;
            notifyAll();
        }
        for (Listener l : listeners) {
            l.released(at);
        }
    }

    /**
     * Wait until the stop is released.
     *
     * @return true when released (at once if it is not pressed), false when {@code timeout} passed first
     */
    public synchronized boolean awaitRelease(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (pressed) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            long ms = left / 1_000_000;
            wait(ms, (int) (left % 1_000_000));
        }
        return true;
    }

    /** Add a listener; it hears only what happens after this call (check {@link #pressed()} for the present). */
    public Subscription subscribe(Listener listener) {
        Objects.requireNonNull(listener, "listener");
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }
}
