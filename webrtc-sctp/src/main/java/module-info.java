/** Sans-IO SCTP association and the data-channel protocol. */
module dev.jwebrtc.sctp {
    requires static transitive org.jspecify;
    requires org.slf4j;

    exports dev.jwebrtc.sctp;
    exports dev.jwebrtc.sctp.dcep;
}
