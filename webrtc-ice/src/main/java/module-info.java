/** STUN/TURN codec and a sans-IO ICE agent. */
module dev.jwebrtc.ice {
    requires static org.jspecify;
    requires org.slf4j;

    // Exports dev.jwebrtc.ice once its first public type lands (javac rejects exporting a package with no classes).
}
