/** Interoperability harness against real peers. */
module dev.jwebrtc.interop {
    requires static org.jspecify;
    requires dev.jwebrtc.core;
}
