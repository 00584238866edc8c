package dev.jwebrtc.sdp;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Lookups over an ordered attribute list, shared by session and media level. */
final class AttributeList {
    private AttributeList() {
    }

    static boolean has(List<Attribute> attributes, String name) {
        for (Attribute a : attributes) {
            if (a.name().equals(name)) {
                return true;
            }
        }
        return false;
    }

    static Optional<String> value(List<Attribute> attributes, String name) {
        for (Attribute a : attributes) {
            if (a.name().equals(name) && a.value() != null) {
                return Optional.of(a.value());
            }
        }
        return Optional.empty();
    }

    static <T> Optional<T> first(List<Attribute> attributes, AttributeType<T> type) {
        for (Attribute a : attributes) {
            if (a.name().equals(type.name())) {
                return Optional.of(type.parse(a.value()));
            }
        }
        return Optional.empty();
    }

    static <T> List<T> all(List<Attribute> attributes, AttributeType<T> type) {
        List<T> out = new ArrayList<>();
        for (Attribute a : attributes) {
            if (a.name().equals(type.name())) {
                out.add(type.parse(a.value()));
            }
        }
        return List.copyOf(out);
    }
}
