package co.rtm.agent.instruments.lane;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

class EmergencyStopTest {

    private static final Instant T0 = Instant.parse("2026-03-02T14:00:00Z");

    @Test
    void pressAndReleaseAreReportedOnceEachAndCounted() {
        EmergencyStop stop = new EmergencyStop();
        List<String> heard = new CopyOnWriteArrayList<>();
        stop.subscribe(new EmergencyStop.Listener() {
            @Override
            public void pressed(Instant at, String source) {
                heard.add("pressed " + source + " " + at);
            }

            @Override
            public void released(Instant at) {
                heard.add("released " + at);
            }
        });

        stop.press(T0, "button");
        stop.press(T0.plusSeconds(1), "button");   // bounce while pressed: nothing new
        assertThat(stop.pressed()).isTrue();
        assertThat(stop.pressedAt()).contains(T0);
        stop.release(T0.plusSeconds(5));
        stop.release(T0.plusSeconds(6));
        stop.press(T0.plusSeconds(9), "dashboard");

        assertThat(heard).containsExactly("pressed button " + T0, "released " + T0.plusSeconds(5),
                "pressed dashboard " + T0.plusSeconds(9));
        assertThat(stop.presses()).isEqualTo(2);
        assertThat(stop.source()).contains("dashboard");
    }

    @Test
    void awaitReleaseReturnsWhenReleasedFromAnotherThreadAndTimesOutOtherwise() throws Exception {
        EmergencyStop stop = new EmergencyStop();
        assertThat(stop.awaitRelease(Duration.ZERO)).isTrue();

        stop.press(T0, "button");
        assertThat(stop.awaitRelease(Duration.ofMillis(50))).isFalse();

        Thread releaser = new Thread(() -> {
            sleep(100);
            stop.release(T0.plusSeconds(1));
        });
        releaser.start();
        long t = System.nanoTime();
        assertThat(stop.awaitRelease(Duration.ofSeconds(5))).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - t)).isLessThan(Duration.ofSeconds(4));
        assertThat(stop.pressed()).isFalse();
        releaser.join();
    }

    @Test
    void aClosedSubscriptionHearsNothingMore() {
        EmergencyStop stop = new EmergencyStop();
        List<Instant> heard = new CopyOnWriteArrayList<>();
        EmergencyStop.Subscription sub = stop.subscribe((at, source) -> heard.add(at));
        stop.press(T0, "button");
        stop.release(T0.plusSeconds(1));
        sub.close();
        stop.press(T0.plusSeconds(2), "button");
        assertThat(heard).containsExactly(T0);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
