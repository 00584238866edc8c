package dev.jwebrtc.sdp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Test access to the SDP samples in {@code src/test/resources}: browser captures and RFC examples. */
public final class Samples {
    private Samples() {
    }

    /** Every sample as {@code dir/name}, e.g. {@code samples/chromium156-offer-audio-video-data.sdp}. */
    public static List<String> all() {
        return Stream.concat(list("samples").stream(), list("rfc").stream()).toList();
    }

    public static List<String> list(String dir) {
        try (Stream<Path> files = Files.list(Path.of(Samples.class.getResource("/" + dir).toURI()))) {
            return files.map(p -> dir + "/" + p.getFileName()).filter(n -> n.endsWith(".sdp")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String read(String name) {
        try (var in = Samples.class.getResourceAsStream("/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no sample " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A Chromium 156 sample by short name, e.g. {@code offer-audio-video-data}. */
    public static SessionDescription chromium(String shortName) {
        return Sdp.parse(read("samples/chromium156-" + shortName + ".sdp"));
    }
}
