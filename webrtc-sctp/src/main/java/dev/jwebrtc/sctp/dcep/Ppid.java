package dev.jwebrtc.sctp.dcep;

/** Payload protocol identifiers of WebRTC data channels (RFC 8831 §8, RFC 8832 §8.1). */
public final class Ppid {
    private Ppid() {}

    public static final int DCEP = 50;
    public static final int STRING = 51;
    /** Deprecated: a partial string; later parts follow, the last one with {@link #STRING}. */
    public static final int STRING_PARTIAL = 52;
    public static final int BINARY = 53;
    /** Deprecated: a partial binary message; the last part comes with {@link #BINARY}. */
    public static final int BINARY_PARTIAL = 54;
    public static final int STRING_EMPTY = 56;
    public static final int BINARY_EMPTY = 57;
}
