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
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ingestion in two stages. Verifying signatures and re-scoring ({@link Ingestor#prepare}) run on a pool, one
 * thread per core; storing ({@link Ingestor#commit}) runs on one committer thread that takes every prepared
 * message waiting, in arrival order, and stores them in one transaction: one fsync for the batch instead of one
 * per result (group commit). A message's stage completes after its batch committed and its ack was sent.
 *
 * <p>Nothing is acknowledged before it is stored. When a batch fails, its messages are retried one transaction
 * each, so one bad message cannot hold the others back; a message that still fails completes exceptionally and
 * the MQTT client has the broker deliver it again. At most {@code capacity} messages wait; beyond that
 * {@link #handle} blocks the MQTT callback thread, which stops reading from the broker.
 */
public final class IngestPipeline implements AsyncMessageHandler, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(IngestPipeline.class);

    private record Item(CompletableFuture<Prepared> prepared, CompletableFuture<Void> done) {}

    private final Ingestor ingestor;
    private final int maxBatch;
    private final ExecutorService preparers;
    private final BlockingQueue<Item> queue;
    private final Thread committer;
    private volatile boolean closed;


    public IngestPipeline(Ingestor ingestor, int threads, int maxBatch, int capacity) {
        if (threads < 1 || maxBatch < 1 || capacity < 1) {
            throw new IllegalArgumentException("threads, maxBatch and capacity must be positive");
        }
        this.ingestor = ingestor;
        this.maxBatch = maxBatch;
        this.queue = new LinkedBlockingQueue<>(capacity);
        AtomicInteger n = new AtomicInteger();
        this.preparers = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "hub-ingest-prepare-" + n.incrementAndGet());
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
        while (!closed) {
            try {
                Item head = queue.take();
                batch.add(head);
                head.prepared().join();
                // group commit: everything already prepared behind the head goes into the same transaction
                Item next;
                while (batch.size() < maxBatch && (next = queue.peek()) != null && next.prepared().isDone()
                        && !next.prepared().isCompletedExceptionally()) {
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

    private void commit(List<Item> batch) {
        List<Prepared> prepared = new ArrayList<>(batch.size());
        for (Item i : batch) {
            prepared.add(i.prepared().join());
        }
        try {
            ingestor.commit(prepared);
            batch.forEach(i -> i.done().complete(null));
        } catch (RuntimeException batchFailure) {
            if (batch.size() == 1) {
                batch.get(0).done().completeExceptionally(batchFailure);
                return;
            }
            LOG.warn("a batch of {} failed ({}); storing its messages one by one", batch.size(), batchFailure.toString());
            for (int k = 0; k < batch.size(); k++) {
                try {
                    ingestor.commit(List.of(prepared.get(k)));
                    batch.get(k).done().complete(null);
                } catch (RuntimeException e) {
                    batch.get(k).done().completeExceptionally(e);
                }
            }
        }
    }

    /** Stops taking messages; those not yet stored complete exceptionally (the broker delivers them again). */
    @Override
    public void close() {
        closed = true;
        committer.interrupt();
        try {
            committer.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        preparers.shutdownNow();
    }
}
