package io.holdfast.cli.engine;

import com.fasterxml.jackson.jr.annotationsupport.JacksonAnnotationExtension;
import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/** Lenient accessors over jackson-jr's maps: an absent or null field reads as empty, not as a crash. */
public final class Json {

    /** Writes nulls too: a create body's "Cmd": null means "the image's default command". */
    private static final JSON WRITER = JSON.std.with(JSON.Feature.WRITE_NULL_PROPERTIES);

    /** Reads the Docker model's records by their {@code @JsonProperty} names; fields it does not know are skipped. */
    private static final JSON TYPED = JSON.builder().register(JacksonAnnotationExtension.std).build();

    private Json() {}

    public static <T> T typed(byte[] json, Class<T> type) throws IOException {
        return TYPED.beanFrom(type, json);
    }

    public static <T> List<T> typedList(byte[] json, Class<T> type) throws IOException {
        return TYPED.listOfFrom(type, json);
    }

    public static Map<String, Object> object(byte[] json) throws IOException {
        return JSON.std.mapFrom(json);
    }

    @SuppressWarnings("unchecked")
    public static List<Object> array(byte[] json) throws IOException {
        return (List<Object>) (List<?>) JSON.std.listFrom(json);
    }

    /** Writes a Docker model record by its {@code @JsonProperty} names (a request body such as an exec create). */
    public static byte[] typedBytes(Object value) throws IOException {
        return TYPED.asBytes(value);
    }

    public static byte[] bytes(Object value) throws IOException {
        return WRITER.asBytes(value);
    }

    public static String string(Map<String, Object> json, String field) {
        Object value = json.get(field);
        return value == null ? "" : value.toString();
    }

    public static long number(Map<String, Object> json, String field) {
        return json.get(field) instanceof Number number ? number.longValue() : 0L;
    }

    public static List<String> strings(Map<String, Object> json, String field) {
        return json.get(field) instanceof List<?> list
                ? list.stream().map(String::valueOf).toList()
                : List.of();
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> objectField(Map<String, Object> json, String field) {
        return json.get(field) instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> objects(List<Object> array) {
        return array.stream().filter(Map.class::isInstance).map(o -> (Map<String, Object>) o).toList();
    }
}
