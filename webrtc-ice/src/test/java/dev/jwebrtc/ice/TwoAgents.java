package dev.jwebrtc.ice;

import dev.jwebrtc.testkit.Host;
import dev.jwebrtc.testkit.NetemConfig;
import dev.jwebrtc.testkit.Stepper;
import dev.jwebrtc.testkit.VirtualClock;
import dev.jwebrtc.testkit.VirtualNetwork;
import java.util.List;

/** Two agents on two public hosts of a virtual network, signalling to each other. */
final class TwoAgents {

    final VirtualClock clock = new VirtualClock();
    final VirtualNetwork net;
    final Host ha;
    final Host hb;
    final IcePeer a;
    final IcePeer b;
    final Stepper st;

    TwoAgents(long seed, NetemConfig link, IceConfig configA, IceConfig configB) {
        net = new VirtualNetwork(clock, seed);
        ha = net.addHost("a", "192.0.2.10", link);
        hb = net.addHost("b", "192.0.2.20", link);
        a = new IcePeer("a", clock, configA, seed);
        b = new IcePeer("b", clock, configB, seed + 1);
        st = new Stepper(net);
        st.attach(a, ha);
        st.attach(b, hb);
    }

    /** Signals credentials and starts gathering on port 5000 of each host. */
    TwoAgents start() {
        IcePeer.signal(a, b);
        a.agent.gather(clock.nanos(), List.of(ha.socket(5000)));
        b.agent.gather(clock.nanos(), List.of(hb.socket(5000)));
        return this;
    }

    boolean bothConnected() {
        return a.connected() && b.connected();
    }

    static IceConfig controlling() {
        return IceConfig.builder().role(IceRole.CONTROLLING).build();
    }

    static IceConfig controlled() {
        return IceConfig.builder().role(IceRole.CONTROLLED).build();
    }
}
