package dev.jwebrtc.engine;

import dev.jwebrtc.rtp.HeaderExtensionMap;
import dev.jwebrtc.sdp.attribute.Direction;
import dev.jwebrtc.sdp.jsep.Codec;
import dev.jwebrtc.sdp.jsep.MediaKind;
import dev.jwebrtc.sdp.jsep.SendStream;
import dev.jwebrtc.sdp.jsep.Transceiver;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The engine's state of one W3C {@code RTCRtpTransceiver}: what the application asked for (direction, codec
 * preferences, whether a track is attached) and what the last complete offer/answer exchange negotiated (mid,
 * current direction, payload types, header extension ids, the remote SSRCs). Event-loop confined.
 */
final class MediaTransceiver {

    final int handle;
    final MediaKind kind;
    /** Our media and RTX SSRCs (RFC 3550 §8.1: random), fixed for the transceiver's life. */
    final long ssrc;
    final long rtxSsrc;
    final String cname;
    String trackId;
    String streamId;
    Direction direction;
    @Nullable Direction currentDirection;
    @Nullable String mid;
    boolean hasTrack;
    boolean stopped;
    /** The receiver's track was announced to the application (W3C {@code track} event). */
    boolean trackAnnounced;
    List<Codec> preferences = List.of();

    // ---- negotiated ----
    List<Codec> codecs = List.of();
    @Nullable Codec sendCodec;
    int sendRtxPayloadType = -1;
    HeaderExtensionMap extensions = new HeaderExtensionMap(Map.of());
    boolean nack;
    boolean sending;
    boolean receiving;
    final Set<Long> remoteSsrcs = new HashSet<>();
    boolean localStreamBound;

    // ---- send state ----
    /** What it sends: one plain stream, or one per simulcast rid; the first one's SSRCs are {@link #ssrc}. */
    final List<SendEncoding> encodings = new ArrayList<>();
    long framesDropped;
    long pliReceived;
    long nackReceived;
    long firReceived;

    MediaTransceiver(int handle, MediaKind kind, Direction direction, List<SendEncoding> encodings, String cname,
            String trackId, String streamId) {
        this.handle = handle;
        this.kind = kind;
        this.direction = direction;
        this.encodings.addAll(encodings);
        this.ssrc = encodings.get(0).ssrc;
        this.rtxSsrc = encodings.get(0).rtxSsrc;
        this.cname = cname;
        this.trackId = trackId;
        this.streamId = streamId;
    }

    /** The JSEP view of this transceiver. It announces its stream whenever it may send (a track can come later). */
    Transceiver toJsep() {
        List<String> rids = new ArrayList<>();
        for (SendEncoding e : encodings) {
            if (e.rid != null) {
                rids.add(e.rid);
            }
        }
        SendStream send = new SendStream(streamId, trackId, cname, ssrc, rtxSsrc, rids);
        return new Transceiver(mid, kind, stopped ? Direction.INACTIVE : direction, send, stopped, preferences);
    }

    /** The encoding with this rid (null: the first one), or null if there is none. */
    @Nullable SendEncoding encoding(@Nullable String rid) {
        if (rid == null) {
            return encodings.get(0);
        }
        for (SendEncoding e : encodings) {
            if (rid.equals(e.rid)) {
                return e;
            }
        }
        return null;
    }

    /** Whether one of our encodings sends on this SSRC. */
    boolean sendsOn(long ssrcOrRtx) {
        for (SendEncoding e : encodings) {
            if (e.ssrc == ssrcOrRtx) {
                return true;
            }
        }
        return false;
    }

    @Nullable Codec codec(int payloadType) {
        for (Codec c : codecs) {
            if (c.payloadType() == payloadType) {
                return c;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return kind.sdpName() + " transceiver " + handle + " mid=" + mid + " " + direction + "/" + currentDirection;
    }
}
