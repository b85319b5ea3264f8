package co.rtm.hub.ingest;

import co.rtm.hub.transport.AsyncMessageHandler;
import co.rtm.hub.transport.InboundMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ingestion in three stages. Verifying signatures and re-scoring ({@link Ingestor#prepare}) run on a pool, one
 * thread per core; storing ({@link Ingestor#store}) runs on one committer thread that takes every prepared
 * message waiting, in arrival order, and stores them in one transaction: one fsync for the batch instead of one
 * per result (group commit); signing and sending the batch's acks runs on a second pool, one thread per core, split
 * in as many parts, so the committer goes on with the next batch meanwhile (an Ed25519 signature per ack cost the
 * single committer more CPU than its transaction). A message's stage completes after its batch committed and its
 * ack was sent; acks of one batch may leave in any order (stations match them by messageId).
 *
 * <p>Nothing is answered before it is stored, and {@link #close} stores what was already taken. When a batch fails,
 * its messages are retried one transaction each, so one bad message cannot hold the others back; a message that
 * still fails completes exceptionally and is sent again (by the broker to the hub's MQTT client, or by the station
 * after its ack timeout on the in-process link). At most {@code capacity} messages wait; beyond that {@link #handle}
 * blocks its caller (the MQTT callback thread, or the broker's extension thread), which stops reading from the
 * broker.
 */
public final class IngestPipeline implements AsyncMessageHandler, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(IngestPipeline.class);
    /** How long the committer waits, at most, for messages queued behind a batch's head to be prepared. */
    private static final long GATHER_NANOS = 2_000_000;
    /** How long {@link #close} lets the committer store what was already taken before it gives up on the rest. */
    private static final long DRAIN_MILLIS = 10_000;

    private record Item(CompletableFuture<Prepared> prepared, CompletableFuture<Void> done) {}

    private final Ingestor ingestor;
    private final int maxBatch;
    private final ExecutorService preparers;
    private final ExecutorService signers;
    private final int threads;
    private final BlockingQueue<Item> queue;
    private final Thread committer;
    private volatile boolean closed;


    public IngestPipeline(Ingestor ingestor, int threads, int maxBatch, int capacity) {
        if (threads < 1 || maxBatch < 1 || capacity < 1) {
            throw new IllegalArgumentException("threads, maxBatch and capacity must be positive");
        }
        this.ingestor = ingestor;
        this.maxBatch = maxBatch;
        this.threads = threads;
        this.queue = new LinkedBlockingQueue<>(capacity);
        AtomicInteger n = new AtomicInteger();
        this.preparers = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "hub-ingest-prepare-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        AtomicInteger m = new AtomicInteger();
        this.signers = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "hub-ingest-ack-" + m.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.committer = new Thread(this::commitLoop, "hub-ingest-commit");
        this.committer.setDaemon(true);
        this.committer.start();
    }

    /** One preparer per core, batches of up to 256, 4,096 messages waiting at most. */
    public static IngestPipeline forThisMachine(Ingestor ingestor) {
        return new IngestPipeline(ingestor, Runtime.getRuntime().availableProcessors(), 256, 4_096);
    }

    @Override
    public CompletionStage<?> handle(InboundMessage message) {
        if (closed) {
            return CompletableFuture.failedFuture(new IllegalStateException("ingestion is closed"));
        }
        Item item;
        try {
            item = new Item(CompletableFuture.supplyAsync(() -> ingestor.prepare(message), preparers),
                    new CompletableFuture<>());
            queue.put(item);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CompletableFuture.failedFuture(e);
        } catch (RuntimeException e) { // closed meanwhile: the pool refuses new work
            return CompletableFuture.failedFuture(e);
        }
        return item.done();
    }

    private void commitLoop() {
        List<Item> batch = new ArrayList<>(maxBatch);
        while (!closed || !queue.isEmpty()) {
            try {
                Item head = queue.poll(50, TimeUnit.MILLISECONDS);
                if (head == null) {
                    continue;
                }
                batch.add(head);
                head.prepared().join();
                // group commit: everything queued behind the head and prepared within GATHER_NANOS goes into the
                // same transaction
                Item next;
                long gatherUntil = System.nanoTime() + GATHER_NANOS;
                while (batch.size() < maxBatch && (next = queue.peek()) != null && preparedBy(next, gatherUntil)) {
                    batch.add(queue.poll());
                }
                commit(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (RuntimeException e) {
                // the head failed to prepare (e.g. the registry could not be read): it goes back to the broker
                batch.forEach(i -> i.done().completeExceptionally(e));
            } finally {
                batch.clear();
            }
        }
        Item left;
        while ((left = queue.poll()) != null) {
            left.done().completeExceptionally(new IllegalStateException("ingestion closed before storing"));
        }
    }

    /**
     * Whether {@code item} is prepared well by {@code deadline}: a message already queued behind the head is
     * usually a fraction of a millisecond from prepared, and waiting for it puts it in this transaction instead of
     * the next (a fsync and the shared index pages written once for both).
     */
    private static boolean preparedBy(Item item, long deadline) {
        CompletableFuture<Prepared> p = item.prepared();
        if (!p.isDone()) {
            long wait = deadline - System.nanoTime();
            if (wait <= 0) {
                return false;
            }
            try {
                p.get(wait, TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            } catch (ExecutionException e) {
                return false;
            }
        }
        return !p.isCompletedExceptionally();
    }

    private void commit(List<Item> batch) {
        List<Prepared> prepared = new ArrayList<>(batch.size());
        for (Item i : batch) {
            prepared.add(i.prepared().join());
        }
        List<Ingestor.Answer> answers;
        try {
            answers = ingestor.store(prepared);
        } catch (RuntimeException batchFailure) {
            if (batch.size() == 1) {
                batch.get(0).done().completeExceptionally(batchFailure);
                return;
            }
            LOG.warn("a batch of {} failed ({}); storing its messages one by one", batch.size(), batchFailure.toString());
            answers = new ArrayList<>(batch.size());
            for (int k = 0; k < batch.size(); k++) {
                try {
                    answers.add(ingestor.store(List.of(prepared.get(k))).get(0));
                } catch (RuntimeException e) {
                    answers.add(null);
                    batch.get(k).done().completeExceptionally(e);
                }
            }
        }
        answer(List.copyOf(batch), answers);
    }

    /** Signs and sends a committed batch's acks on the signers, in up to {@code threads} parts. */
    private void answer(List<Item> batch, List<Ingestor.Answer> answers) {
        int parts = Math.min(threads, batch.size());
        for (int part = 0; part < parts; part++) {
            int from = part * batch.size() / parts;
            int to = (part + 1) * batch.size() / parts;
            Runnable send = () -> {
                for (int k = from; k < to; k++) {
                    CompletableFuture<Void> done = batch.get(k).done();
                    if (done.isDone()) {
                        continue; // failed to store on its own: the broker delivers it again
                    }
                    try {
                        Ingestor.Answer a = answers.get(k);
                        if (a != null) {
                            a.send();
                        }
                    } finally {
                        done.complete(null); // stored: even an ack that could not be sent is answered on resend
                    }
                }
            };
            try {
                signers.execute(send);
            } catch (RejectedExecutionException e) { // closing: answer here rather than leave the messages waiting
                send.run();
            }
        }
    }

    /**
     * Stops taking messages, stores and answers those already taken (for up to 10 s), then stops; any still left
     * complete exceptionally (the broker, or with the in-process link the station, sends them again). Taken messages
     * matter on the in-process link, where the station's PUBACK did not wait for the commit.
     */
    @Override
    public void close() {
        closed = true;
        try {
            committer.join(DRAIN_MILLIS);
            if (committer.isAlive()) {
                committer.interrupt();
                committer.join(DRAIN_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        preparers.shutdownNow();
        signers.shutdown(); // the acks of committed batches still go out
        try {
            signers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
