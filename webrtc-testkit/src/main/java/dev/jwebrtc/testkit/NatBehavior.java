package dev.jwebrtc.testkit;

import java.time.Duration;
import java.util.Objects;

/**
 * The behaviour of a NAT, in the terms of RFC 4787.
 *
 * @param mapping how external mappings are reused (§4.1)
 * @param filtering which inbound packets pass (§5)
 * @param mappingTimeout how long an idle mapping lives (§4.3; REQ-5 asks for at least 2 minutes)
 * @param inboundRefresh whether inbound packets refresh a mapping as outbound ones do (§4.3, REQ-6 allows either)
 * @param hairpinning whether an internal host can reach another through the NAT's external address (§6, REQ-9)
 * @param portPreservation whether the NAT tries to keep the internal port as the external one (§4.2.1)
 */
public record NatBehavior(
        NatMapping mapping,
        NatFiltering filtering,
        Duration mappingTimeout,
        boolean inboundRefresh,
        boolean hairpinning,
        boolean portPreservation) {

    /** The RFC 4787 REQ-5 minimum idle timeout, used by the presets. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(2);

    /** Endpoint-independent mapping and filtering ("full cone"). */
    public static final NatBehavior FULL_CONE = of(NatMapping.ENDPOINT_INDEPENDENT, NatFiltering.ENDPOINT_INDEPENDENT);
    /** Endpoint-independent mapping, address-dependent filtering ("restricted cone"). */
    public static final NatBehavior RESTRICTED_CONE = of(NatMapping.ENDPOINT_INDEPENDENT, NatFiltering.ADDRESS_DEPENDENT);
    /** Endpoint-independent mapping, address-and-port-dependent filtering ("port-restricted cone"). */
    public static final NatBehavior PORT_RESTRICTED_CONE =
            of(NatMapping.ENDPOINT_INDEPENDENT, NatFiltering.ADDRESS_AND_PORT_DEPENDENT);
    /** Address-and-port-dependent mapping and filtering ("symmetric"). */
    public static final NatBehavior SYMMETRIC =
            of(NatMapping.ADDRESS_AND_PORT_DEPENDENT, NatFiltering.ADDRESS_AND_PORT_DEPENDENT);

    public NatBehavior {
        Objects.requireNonNull(mapping, "mapping");
        Objects.requireNonNull(filtering, "filtering");
        if (mappingTimeout.isNegative() || mappingTimeout.isZero()) {
            throw new IllegalArgumentException("mapping timeout must be positive: " + mappingTimeout);
        }
    }

    /** A NAT with the given mapping and filtering, a 2-minute timeout, hairpinning, no port preservation. */
    public static NatBehavior of(NatMapping mapping, NatFiltering filtering) {
        return new NatBehavior(mapping, filtering, DEFAULT_TIMEOUT, false, true, false);
    }

    public NatBehavior withMappingTimeout(Duration timeout) {
        return new NatBehavior(mapping, filtering, timeout, inboundRefresh, hairpinning, portPreservation);
    }

    public NatBehavior withInboundRefresh(boolean refresh) {
        return new NatBehavior(mapping, filtering, mappingTimeout, refresh, hairpinning, portPreservation);
    }

    public NatBehavior withHairpinning(boolean enabled) {
        return new NatBehavior(mapping, filtering, mappingTimeout, inboundRefresh, enabled, portPreservation);
    }

    public NatBehavior withPortPreservation(boolean enabled) {
        return new NatBehavior(mapping, filtering, mappingTimeout, inboundRefresh, hairpinning, enabled);
    }
}
