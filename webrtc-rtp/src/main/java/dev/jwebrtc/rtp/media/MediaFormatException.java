package dev.jwebrtc.rtp.media;

/** A media file's content is malformed (bad magic, bad CRC, truncated structure); the message says what and where. */
public final class MediaFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public MediaFormatException(String message) {
        super(message);
    }
}
