package co.rtm.hub.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import co.rtm.hub.feed.FeedEvent;
import co.rtm.hub.feed.LiveFeed;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LiveFeedTest {
    private static FeedEvent event(int i) {
        return new FeedEvent(FeedEvent.ACCEPTED, "m" + i, "CDA-1", "lane-1", "INSPECTION", "ABC" + i, "APPROVED",
                (long) i, null, null, Instant.EPOCH);
    }

    private static List<String> drain(LiveFeed.Subscription s) throws InterruptedException {
        List<String> ids = new ArrayList<>();
        for (FeedEvent e; (e = s.next(0, TimeUnit.MILLISECONDS)) != null; ) {
            ids.add(e.messageId());
        }
        return ids;
    }

    @Test
    void aSlowReaderLosesItsOldestEventsAndTheDropsAreCountedWhileAPromptOneLosesNothing() throws Exception {
        LiveFeed feed = new LiveFeed(3);
        LiveFeed.Subscription slow = feed.subscribe();
        LiveFeed.Subscription prompt = feed.subscribe();
        List<String> promptSaw = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            feed.publish(event(i));
            promptSaw.addAll(drain(prompt));
        }
        assertThat(drain(slow)).containsExactly("m3", "m4", "m5");
        assertThat(slow.dropped()).isEqualTo(2);
        assertThat(promptSaw).containsExactly("m1", "m2", "m3", "m4", "m5");
        assertThat(prompt.dropped()).isZero();
        assertThat(feed.dropped()).isEqualTo(2);
        assertThat(feed.published()).isEqualTo(5);
    }

    @Test
    void aClosedSubscriptionGetsNothingMoreAndPublishingWithoutReadersStillCounts() throws Exception {
        LiveFeed feed = new LiveFeed(8);
        LiveFeed.Subscription s = feed.subscribe();
        s.close();
        assertThat(feed.subscribers()).isZero();
        feed.publish(event(1));
        assertThat(drain(s)).isEmpty();
        assertThat(feed.published()).isEqualTo(1);
        assertThat(feed.dropped()).isZero();
    }

    @Test
    void aWaitingReaderWakesUpForAnEventPublishedFromAnotherThread() throws Exception {
        LiveFeed feed = new LiveFeed(8);
        LiveFeed.Subscription s = feed.subscribe();
        Thread t = new Thread(() -> feed.publish(event(7)));
        long t0 = System.nanoTime();
        t.start();
        FeedEvent e = s.next(5, TimeUnit.SECONDS);
        assertThat(e).isNotNull();
        assertThat(e.messageId()).isEqualTo("m7");
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0)).isLessThan(4000);
        assertThat(s.next(20, TimeUnit.MILLISECONDS)).isNull();
    }
}
