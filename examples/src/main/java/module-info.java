/** Runnable example programs. */
module dev.jwebrtc.examples {
    requires static org.jspecify;
    requires dev.jwebrtc.core;

    exports dev.jwebrtc.examples;
}
