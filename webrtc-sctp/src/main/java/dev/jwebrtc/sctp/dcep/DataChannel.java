package dev.jwebrtc.sctp.dcep;

/**
 * A data channel's wire description: its stream id and what DATA_CHANNEL_OPEN carried (or what both sides agreed
 * for a negotiated channel).
 */
public record DataChannel(int id, String label, String protocol, ChannelType type, long reliability, int priority,
        boolean negotiated) {}
