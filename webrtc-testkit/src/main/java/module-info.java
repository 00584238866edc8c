/**
 * The deterministic test harness of jwebrtc: a virtual clock, a seeded link emulator, a virtual network
 * with RFC 4787 NAT routers and a STUN responder, and a stepper that drives sans-IO endpoints without
 * threads or sleeps. Usable by applications' own tests too.
 */
module dev.jwebrtc.testkit {
    requires static transitive org.jspecify;
    requires transitive org.junit.jupiter.api;

    exports dev.jwebrtc.testkit;
    exports dev.jwebrtc.testkit.junit;

    provides org.junit.jupiter.api.extension.Extension
            with dev.jwebrtc.testkit.junit.NoLeakedThreadsExtension, dev.jwebrtc.testkit.junit.SeedExtension;
}
