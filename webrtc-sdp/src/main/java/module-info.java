/** SDP model, parser, writer and JSEP offer/answer rules. */
module dev.jwebrtc.sdp {
    requires static transitive org.jspecify;
    requires org.slf4j;

    exports dev.jwebrtc.sdp;
    exports dev.jwebrtc.sdp.attribute;
    exports dev.jwebrtc.sdp.jsep;
}
