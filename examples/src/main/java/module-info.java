/** Runnable example programs. */
module dev.jwebrtc.examples {
    requires static transitive org.jspecify;
    requires dev.jwebrtc.core;
    requires jdk.httpserver;

    exports dev.jwebrtc.examples;
    exports dev.jwebrtc.examples.media;
}
