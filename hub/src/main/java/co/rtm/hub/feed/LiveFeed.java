package co.rtm.hub.feed;

import java.util.ArrayDeque;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Accepted and refused results for the dashboard's live feed. {@link #publish} is called on ingestion's hot path:
 * it never blocks on a reader and never does I/O; it appends to each subscriber's bounded queue and, when a slow
 * subscriber's queue is full, drops that subscriber's oldest event and counts it.
 */
public final class LiveFeed {
    /** Events one subscriber may fall behind before its oldest are dropped. */
    public static final int DEFAULT_CAPACITY = 256;

    private final Set<Subscription> subscribers = new CopyOnWriteArraySet<>();
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final int capacity;

    public LiveFeed() {
        this(DEFAULT_CAPACITY);
    }

    public LiveFeed(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1: " + capacity);
        }
        this.capacity = capacity;
    }

    /** Hands the event to every subscriber; O(subscribers), no waiting on them. */
    public void publish(FeedEvent event) {
        published.incrementAndGet();
        for (Subscription s : subscribers) {
            s.offer(event);
        }
    }

    public Subscription subscribe() {
        Subscription s = new Subscription();
        subscribers.add(s);
        return s;
    }

    public long published() {
        return published.get();
    }

    /** Events dropped for slow subscribers, all subscribers together. */
    public long dropped() {
        return dropped.get();
    }

    public int subscribers() {
        return subscribers.size();
    }

    /** One reader's queue. Close it when the reader goes away. */
    public final class Subscription implements AutoCloseable {
        private final ArrayDeque<FeedEvent> queue = new ArrayDeque<>();
        private long droppedHere;

        private synchronized void offer(FeedEvent e) {
            if (queue.size() >= capacity) {
                queue.pollFirst();
                droppedHere++;
                dropped.incrementAndGet();
            }
            queue.addLast(e);
            notifyAll();
        }

        /** The oldest waiting event, waiting up to {@code timeout}; null if none came. */
        public synchronized FeedEvent next(long timeout, TimeUnit unit) throws InterruptedException {
            long deadline = System.nanoTime() + unit.toNanos(timeout);
            while (queue.isEmpty()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return null;
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
            return queue.pollFirst();
        }

        /** Events this subscriber lost because it read too slowly. */
        public synchronized long dropped() {
            return droppedHere;
        }

        @Override
        public void close() {
            subscribers.remove(this);
        }
    }
}
