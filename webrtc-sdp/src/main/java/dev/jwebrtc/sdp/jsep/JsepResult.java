package dev.jwebrtc.sdp.jsep;

import dev.jwebrtc.sdp.SessionDescription;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A generated offer or answer and the associations it makes.
 *
 * @param description the description to signal
 * @param transceivers the local transceivers in the given order, each with the mid it is now associated with
 *     (null when an answer left it unassociated); an answer appends a recvonly transceiver for each offered
 *     audio/video section no local transceiver matched, as W3C setRemoteDescription creates one
 * @param dataChannelMid the mid of the data channel section, or null if there is none or it was rejected
 */
public record JsepResult(SessionDescription description, List<Transceiver> transceivers,
        @Nullable String dataChannelMid) {
    public JsepResult {
        Objects.requireNonNull(description, "description");
        transceivers = List.copyOf(transceivers);
    }
}
