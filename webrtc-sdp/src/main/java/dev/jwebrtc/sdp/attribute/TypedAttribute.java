package dev.jwebrtc.sdp.attribute;

import dev.jwebrtc.sdp.Attribute;

/** A typed attribute value that can be written back as an {@code a=} line. */
public interface TypedAttribute {
    /** The attribute in its canonical text form. */
    Attribute toAttribute();
}
