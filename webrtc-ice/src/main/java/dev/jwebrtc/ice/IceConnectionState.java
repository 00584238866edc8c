package dev.jwebrtc.ice;

/**
 * The agent's connection state, shaped for the W3C {@code RTCIceConnectionState}:
 * <ul>
 *   <li>{@code NEW}: nothing checked yet;</li>
 *   <li>{@code CHECKING}: checks running, nothing selected;</li>
 *   <li>{@code CONNECTED}: a pair is selected and carries data; checks may still run;</li>
 *   <li>{@code COMPLETED}: a pair is selected, checking is over and both sides finished gathering;</li>
 *   <li>{@code DISCONNECTED}: consent checks on the selected pair go unanswered (RFC 7675), not yet expired;</li>
 *   <li>{@code FAILED}: every pair failed after end-of-candidates, or consent expired (RFC 7675 §5.1);</li>
 *   <li>{@code CLOSED}: the agent was closed.</li>
 * </ul>
 */
public enum IceConnectionState {
    NEW,
    CHECKING,
    CONNECTED,
    COMPLETED,
    DISCONNECTED,
    FAILED,
    CLOSED
}
