package co.rtm.sim.lane;

import co.rtm.agent.inspection.TreadProcedure;
import co.rtm.profiles.inspection.Measurements;
import co.rtm.profiles.inspection.TestKind;
import co.rtm.profiles.vehicle.Vehicle;
import co.rtm.sim.instruments.SimulatedDevice;
import co.rtm.sim.instruments.brake.BrakeDevice;
import co.rtm.sim.instruments.gas.GasDevice;
import co.rtm.sim.instruments.lights.LightsDevice;
import co.rtm.sim.instruments.lights.Playback;
import co.rtm.sim.instruments.opacity.OpacityDevice;
import co.rtm.sim.instruments.sideslip.SideslipDevice;
import co.rtm.sim.instruments.sound.SoundDevice;
import co.rtm.sim.instruments.suspension.SuspensionDevice;
import co.rtm.sim.instruments.tread.TreadDevice;
import java.util.Optional;

/**
 * The simulated instrument that plays one vehicle's true block of one test: the brake tester its force curves,
 * the gas analyser its checks and phases, and so on. Lane devices play exact values (the brake, gas and opacity
 * scripts carry their own sensor noise); faults are exercised by the device tests, not here.
 */
public final class TestDevices {
    /** Max-hold sound measurements per vehicle, as the agent's sound procedure takes them. */
    static final int SOUND_MEASUREMENTS = 3;

    private TestDevices() {}

    /** The device for {@code test}, or empty when the vehicle has no true block for it (the test times out). */
    public static Optional<SimulatedDevice> forTest(TestKind test, Vehicle vehicle, Measurements truth, long seed) {
        Playback exact = Playback.exact(seed);
        try {
            return Optional.ofNullable(switch (test) {
                case BRAKES -> truth.brakes() == null ? null : new BrakeDevice(truth.brakes(), BrakeDevice.Config.clean(seed));
                case GAS -> truth.gas() == null ? null : new GasDevice(truth.gas(), GasDevice.Config.clean(seed));
                case OPACITY -> truth.opacity() == null ? null : new OpacityDevice(truth.opacity(), OpacityDevice.Config.clean(seed));
                case LIGHTS -> truth.lights() == null ? null : new LightsDevice(truth.lights(), exact);
                case SUSPENSION -> truth.suspension() == null ? null : new SuspensionDevice(truth.suspension(), exact);
                case SIDESLIP -> truth.sideslip() == null ? null : new SideslipDevice(truth.sideslip(), exact);
                case TYRES -> truth.tyres() == null ? null
                        : new TreadDevice(truth.tyres(), TreadProcedure.tyrePositions(vehicle), exact);
                case NOISE -> truth.noise() == null ? null : new SoundDevice(truth.noise(), SOUND_MEASUREMENTS, exact);
                case TAXIMETER, SENSORY -> null;
            });
        } catch (IllegalArgumentException e) {
            // a block the device cannot play (tyre depths not matching the vehicle's positions): nothing is sent
            System.err.println("lane: " + vehicle.plate() + " " + test.json() + ": " + e.getMessage());
            return Optional.empty();
        }
    }
}
