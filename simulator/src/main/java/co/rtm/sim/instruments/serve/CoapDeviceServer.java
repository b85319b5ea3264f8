package co.rtm.sim.instruments.serve;

import co.rtm.agent.instruments.link.CoapLink;
import co.rtm.sim.instruments.SimulatedDevice;
import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.CoapServer;
import org.eclipse.californium.core.coap.CoAP;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.coap.MessageObserverAdapter;
import org.eclipse.californium.core.coap.Response;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.core.server.resources.CoapExchange;

import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A simulated instrument as a CoAP resource on 127.0.0.1 ({@code coap://127.0.0.1:<port>/<kind>}): observing it
 * streams the device's bytes in notifications; a POST delivers a command, whose answer comes in the stream.
 * One thread owns the device (ticks every {@code tick}, runs the commands in arrival order). Notifications are
 * confirmable and sent one at a time, the next carrying all bytes made meanwhile: Californium would otherwise
 * let concurrent notifications overtake each other and the client would drop the older ones.
 * A {@link WireFaults} disconnection drops every observer with 5.03 and refuses requests while it lasts.
 */
public final class CoapDeviceServer implements AutoCloseable {

    private final SimulatedDevice device;
    private final WireFaults faults;
    private final Duration tick;
    private final Clock clock;
    private final CoapServer server;
    private final Stream resource;
    private final LinkedBlockingQueue<byte[]> commands = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile boolean closed;

    private CoapDeviceServer(SimulatedDevice device, WireFaults faults, Duration tick, Clock clock) {
        this.device = device;
        this.faults = faults;
        this.tick = tick;
        this.clock = clock;
        this.server = new CoapServer(CoapLink.configuration());
        this.server.addEndpoint(new CoapEndpoint.Builder()
                .setConfiguration(CoapLink.configuration())
                .setInetSocketAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
                .build());
        this.resource = new Stream(device.kind().json());
        this.server.add(resource);
        this.thread = new Thread(this::run, "sim-coap-" + device.kind().json());
        this.thread.setDaemon(true);
    }

    /** Serve {@code device} with a clean wire and 20 ms ticks. */
    public static CoapDeviceServer start(SimulatedDevice device) {
        return start(device, WireFaults.none(), Duration.ofMillis(20), Clock.systemUTC());
    }

    public static CoapDeviceServer start(SimulatedDevice device, WireFaults faults, Duration tick, Clock clock) {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(faults, "faults");
        if (tick.isNegative() || tick.isZero()) {
            throw new IllegalArgumentException("tick must be positive");
        }
        CoapDeviceServer s = new CoapDeviceServer(device, faults, tick, Objects.requireNonNull(clock, "clock"));
        s.server.start();
        s.thread.start();
        return s;
    }

    /** The observable resource, e.g. {@code coap://127.0.0.1:40123/gas}. */
    public URI uri() {
        int port = server.getEndpoints().get(0).getAddress().getPort();
        return URI.create("coap://127.0.0.1:" + port + "/" + resource.getName());
    }

    public WireFaults faults() {
        return faults;
    }

    /** Observers currently registered. */
    public int observers() {
        return resource.getObserverCount();
    }

    private void run() {
        Instant nextTick = clock.instant();
        while (!closed) {
            try {
                long waitMs = Math.max(1, Duration.between(clock.instant(), nextTick).toMillis());
                byte[] command = commands.poll(waitMs, TimeUnit.MILLISECONDS);
                Instant now = clock.instant();
                if (command != null) {
                    resource.push(faults.apply(device.onCommand(command, now)));
                }
                if (!now.isBefore(nextTick)) {
                    nextTick = nextTick.plus(tick);
                    if (nextTick.isBefore(now)) {
                        nextTick = now.plus(tick);
                    }
                    byte[] out = device.tick(now);
                    if (faults.disconnectDue(now)) {
                        resource.clearAndNotifyObserveRelations(CoAP.ResponseCode.SERVICE_UNAVAILABLE);
                    } else if (!faults.down(now)) {
                        resource.push(faults.apply(out));
                    }
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                System.getLogger(CoapDeviceServer.class.getName())
                        .log(System.Logger.Level.WARNING, "simulated CoAP device failed", e);
            }
        }
    }

    /** The observable byte stream; notifications one at a time (see the class comment). */
    private final class Stream extends CoapResource {
        private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
        private boolean inFlight;
        private long inFlightSince;

        Stream(String name) {
            super(name);
            setObservable(true);
            setObserveType(CoAP.Type.CON);
            getAttributes().setObservable();
        }

        void push(byte[] bytes) {
            synchronized (pending) {
                if (getObserverCount() == 0) {
                    pending.reset();           // nobody listening: the bytes are lost, as on a wire
                    inFlight = false;
                    return;
                }
                pending.writeBytes(bytes);
                if (pending.size() == 0) {
                    return;
                }
                // a notification whose fate we never heard of (client vanished) must not stall the stream
                if (inFlight && System.nanoTime() - inFlightSince < 2_000_000_000L) {
                    return;
                }
                inFlight = true;
                inFlightSince = System.nanoTime();
            }
            changed();
        }

        private void delivered() {
            synchronized (pending) {
                inFlight = false;
                if (pending.size() == 0) {
                    return;
                }
                inFlight = true;
                inFlightSince = System.nanoTime();
            }
            changed();
        }

        @Override
        public void handleGET(CoapExchange exchange) {
            if (faults.down(clock.instant())) {
                exchange.respond(CoAP.ResponseCode.SERVICE_UNAVAILABLE);
                return;
            }
            byte[] payload;
            synchronized (pending) {
                payload = pending.toByteArray();
                pending.reset();
            }
            Response r = new Response(CoAP.ResponseCode.CONTENT);
            r.setPayload(payload);
            r.getOptions().setContentFormat(MediaTypeRegistry.APPLICATION_OCTET_STREAM);
            if (exchange.advanced().getResponse() != null) {     // a notification, not the registration answer
                r.addMessageObserver(new MessageObserverAdapter() {
                    @Override
                    public void onSent(boolean retransmission) {
                        if (r.getType() != CoAP.Type.CON) {
                            delivered();
                        }
                    }

                    @Override
                    public void onAcknowledgement() {
                        delivered();
                    }

                    @Override
                    public void onReject() {
                        delivered();
                    }

                    @Override
                    public void onTimeout() {
                        delivered();
                    }

                    @Override
                    public void onCancel() {
                        delivered();
                    }

                    @Override
                    public void onSendError(Throwable error) {
                        delivered();
                    }
                });
            }
            exchange.respond(r);
        }

        @Override
        public void handlePOST(CoapExchange exchange) {
            if (faults.down(clock.instant())) {
                exchange.respond(CoAP.ResponseCode.SERVICE_UNAVAILABLE);
                return;
            }
            commands.add(exchange.getRequestPayload());
            exchange.respond(CoAP.ResponseCode.CHANGED);
        }

        @Override
        public void handlePUT(CoapExchange exchange) {
            handlePOST(exchange);
        }
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        try {
            thread.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        server.destroy();
    }
}
