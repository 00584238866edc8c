package dev.jwebrtc;

/**
 * W3C {@code MediaStreamTrack}, for encoded media: a {@link LocalMediaStreamTrack} the application writes frames or
 * RTP into, or a {@link RemoteMediaStreamTrack} it receives them from.
 */
public sealed interface MediaStreamTrack permits LocalMediaStreamTrack, RemoteMediaStreamTrack {

    String id();

    /** {@code "audio"} or {@code "video"}. */
    String kind();

    /** Whether the track ended (stopped locally, or its transceiver stopped). */
    boolean ended();
}
