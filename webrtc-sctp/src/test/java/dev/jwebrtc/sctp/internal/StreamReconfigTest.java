package dev.jwebrtc.sctp.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jwebrtc.sctp.chunk.DataChunk;
import dev.jwebrtc.sctp.chunk.OutgoingSsnResetRequestParameter;
import dev.jwebrtc.sctp.chunk.ReConfigChunk;
import dev.jwebrtc.sctp.chunk.ReconfigurationResponseParameter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The receiving side of RFC 6525 outgoing SSN resets, including how dcsctp retries after "in progress". */
class StreamReconfigTest {

    private static final class Recorder implements AssociationListener {
        final List<String> log = new ArrayList<>();

        @Override public void messageReceived(int s, int ppid, byte[] p, boolean u) { log.add("msg " + s + ":" + p[0]); }
        @Override public void bufferedAmountLow(int s) {}
        @Override public void totalBufferedAmountLow() {}
        @Override public void incomingStreamsReset(List<Integer> ids) { log.add("reset " + ids); }
        @Override public void outgoingStreamsReset(List<Integer> ids) { log.add("out " + ids); }
        @Override public void outgoingStreamResetFailed(List<Integer> ids, String r) { log.add("failed " + ids); }
    }

    private final Recorder listener = new Recorder();
    private final SendQueue queue = new SendQueue(listener);
    private final DataSender sender = new DataSender(queue, new RtoEstimator(1_000_000_000L, 200_000_000L,
            10_000_000_000L), 1200, 1000, 100_000, true);
    private final ReceivedTsns tsns = new ReceivedTsns(5000);
    private final Reassembly reassembly = new Reassembly(listener, 1 << 20);
    private final StreamReconfig reconfig = new StreamReconfig(listener, queue, sender, tsns, reassembly, true, 1000,
            7000);

    private void request(long seq, long lastTsn) {
        reconfig.onReConfig(new ReConfigChunk(List.of(new OutgoingSsnResetRequestParameter(seq, 999, lastTsn,
                List.of(3)))));
    }

    private int response() {
        ReConfigChunk chunk = reconfig.take(0, 1);
        return ((ReconfigurationResponseParameter) chunk.parameters().get(0)).result();
    }

    private void data(long tsn, int ssn, int value) {
        tsns.add(tsn);
        reassembly.add(tsn, new DataChunk(false, false, true, true, tsn, 3, ssn, 51, new byte[] {(byte) value}));
        reconfig.onCumulativeTsnAdvanced();
    }

    @Test
    void resetWaitsForTheLastTsnAndHoldsLaterDataBack() {
        request(7000, 5001);
        assertEquals(ReconfigurationResponseParameter.IN_PROGRESS, response());
        data(5002, 0, 9); // sent after the reset: SSN 0 of the new stream life, held back
        data(5000, 0, 1);
        assertEquals(List.of("msg 3:1"), listener.log);
        data(5001, 1, 2);
        assertEquals(List.of("msg 3:1", "msg 3:2", "reset [3]", "msg 3:9"), listener.log);
        request(7000, 5001); // our peer retries with the same number
        assertEquals(ReconfigurationResponseParameter.SUCCESS_PERFORMED, response());
    }

    @Test
    void aRetryUnderANewSequenceNumberIsNotResetTwice() {
        request(7000, 5001);
        assertEquals(ReconfigurationResponseParameter.IN_PROGRESS, response());
        request(7001, 5001); // dcsctp style: new number after "in progress"
        assertEquals(ReconfigurationResponseParameter.IN_PROGRESS, response());
        data(5000, 0, 1);
        data(5001, 1, 2);
        data(5002, 0, 3);
        request(7002, 5001);
        assertEquals(ReconfigurationResponseParameter.SUCCESS_PERFORMED, response());
        data(5003, 1, 4);
        assertEquals(List.of("msg 3:1", "msg 3:2", "reset [3]", "msg 3:3", "msg 3:4"), listener.log);
        request(7003, 5003); // and the next real request is accepted
        assertEquals(ReconfigurationResponseParameter.SUCCESS_PERFORMED, response());
    }

    @Test
    void outOfSequenceRequestsAreRefused() {
        request(7005, 4999);
        assertEquals(ReconfigurationResponseParameter.ERROR_BAD_SEQUENCE_NUMBER, response());
    }
}
