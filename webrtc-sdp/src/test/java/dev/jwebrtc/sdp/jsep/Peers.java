package dev.jwebrtc.sdp.jsep;

import dev.jwebrtc.sdp.attribute.Candidate;
import dev.jwebrtc.sdp.attribute.Direction;
import dev.jwebrtc.sdp.attribute.Fingerprint;
import java.util.List;

/** Local-state fixtures for JSEP tests. */
final class Peers {
    static final IceCredentials ICE_A = new IceCredentials("aaaa", "aaaaaaaaaaaaaaaaaaaaaa");
    static final IceCredentials ICE_B = new IceCredentials("bbbb", "bbbbbbbbbbbbbbbbbbbbbb");
    static final Candidate HOST = Candidate.parse("1 1 udp 2122260223 192.0.2.10 50000 typ host generation 0");
    static final Candidate SRFLX = Candidate.parse(
            "2 1 udp 1686052607 203.0.113.7 40000 typ srflx raddr 192.0.2.10 rport 50000 generation 0");

    private Peers() {
    }

    static Fingerprint fingerprint(int seed) {
        byte[] digest = new byte[32];
        for (int i = 0; i < digest.length; i++) {
            digest[i] = (byte) (seed * 31 + i);
        }
        return Fingerprint.of("sha-256", digest);
    }

    static SendStream stream(String track, long ssrc, long rtx) {
        return new SendStream("stream-a", track, "cname-a", ssrc, rtx);
    }

    /** A peer with default codecs and no transceivers. */
    static LocalState.Builder peer(String sessionId, IceCredentials ice, int fp) {
        return LocalState.builder(sessionId, ice, fingerprint(fp));
    }

    /** Audio sendrecv with a track, video sendrecv with a track and RTX, and a data channel. */
    static LocalState avData(String sessionId, IceCredentials ice, int fp) {
        return peer(sessionId, ice, fp)
                .addTransceiver(Transceiver.of(MediaKind.AUDIO, Direction.SENDRECV, stream("audio-1", 1111, 0)))
                .addTransceiver(Transceiver.of(MediaKind.VIDEO, Direction.SENDRECV, stream("video-1", 2222, 3333)))
                .candidates(List.of(HOST, SRFLX), true)
                .build();
    }
}
