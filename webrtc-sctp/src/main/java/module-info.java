/** Sans-IO SCTP association and the data-channel protocol. */
module dev.jwebrtc.sctp {
    requires static org.jspecify;
    requires org.slf4j;

    // Exports dev.jwebrtc.sctp once its first public type lands (javac rejects exporting a package with no classes).
}
