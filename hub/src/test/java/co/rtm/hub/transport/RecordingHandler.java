package co.rtm.hub.transport;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** Records every message; can be told to fail the next few calls. */
public final class RecordingHandler implements MessageHandler {

    private final List<InboundMessage> messages = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();

    public void failNext(int times) {
        failuresLeft.set(times);
    }

    @Override
    public void handle(InboundMessage message) {
        messages.add(message);
        if (failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new IllegalStateException("simulated failure before commit");
        }
    }

    public List<InboundMessage> messages() {
        return messages;
    }

    /** Payloads as text of the messages received on topics starting with {@code prefix}. */
    public List<String> payloadsUnder(String prefix) {
        return messages.stream()
                .filter(m -> m.topic().startsWith(prefix))
                .map(m -> new String(m.payload(), StandardCharsets.UTF_8))
                .toList();
    }
}
