/** STUN/TURN codec and a sans-IO ICE agent. */
module dev.jwebrtc.ice {
    requires static transitive org.jspecify;
    requires org.slf4j;

    exports dev.jwebrtc.ice;
    exports dev.jwebrtc.ice.stun;
}
