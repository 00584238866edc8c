package dev.jwebrtc.sctp.dcep;

import dev.jwebrtc.sctp.SctpEvent;
import java.nio.charset.StandardCharsets;

/** What {@link DataChannels#pollEvent()} reports. */
public sealed interface DataChannelEvent {

    /** The peer opened a channel with DATA_CHANNEL_OPEN (RFC 8832 §6). */
    record RemoteChannelOpened(DataChannel channel) implements DataChannelEvent {}

    /** The peer acknowledged a channel we opened (RFC 8832 §5.2). */
    record ChannelAcked(int id) implements DataChannelEvent {}

    /** A message on a channel; {@code binary} false means UTF-8 text. Empty messages have an empty array. */
    record Message(int id, boolean binary, byte[] data) implements DataChannelEvent {
        public String text() {
            return new String(data, StandardCharsets.UTF_8);
        }
    }

    /** The peer started closing the channel (its outgoing stream was reset, RFC 8831 §6.7). */
    record ChannelClosing(int id) implements DataChannelEvent {}

    /** Both directions of the channel's stream are reset; the id may be reused. */
    record ChannelClosed(int id) implements DataChannelEvent {}

    /** The channel's unsent bytes fell to or below its low threshold. */
    record BufferedAmountLow(int id) implements DataChannelEvent {}

    /** An association-level event (connected, closed, restarted, total buffered amount low, ...). */
    record Association(SctpEvent event) implements DataChannelEvent {}
}
