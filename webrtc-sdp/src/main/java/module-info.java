/** SDP model, parser, writer and JSEP offer/answer rules. */
module dev.jwebrtc.sdp {
    requires static org.jspecify;
    requires org.slf4j;

    // Exports dev.jwebrtc.sdp once its first public type lands (javac rejects exporting a package with no classes).
}
