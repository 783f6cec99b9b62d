package dev.arclab.cache;

/**
 * A small hand-written serializer of one kind of cached value, supplied by whoever opens a map of the
 * store ({@link ResultCache#map}): the pipeline owns the codecs of its own records
 * ({@code dev.arclab.pipeline.ResultCodecs}). The formats are part of the file format
 * ({@link MapDbCache#FORMAT}): change one and the format number must change too.
 */
public interface Codec<V> {

    void write(Bytes.Out out, V value);

    V read(Bytes.In in);

    default byte[] encode(V value) {
        Bytes.Out out = new Bytes.Out();
        write(out, value);
        return out.toArray();
    }

    Codec<String> STRING = new Codec<>() {
        @Override
        public void write(Bytes.Out out, String value) {
            out.string(value);
        }

        @Override
        public String read(Bytes.In in) {
            return in.string();
        }
    };

}
