package org.neuroquantum.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.neuroquantum.spi.error.NeuroQuantumException;

/** JSON output through Jackson. */
final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Json() {
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An error as {@code {code, sqlState, message, cause, remedy}}. */
    static Map<String, Object> error(NeuroQuantumException e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", e.errorCode().code());
        m.put("name", e.errorCode().name());
        m.put("message", e.causeDescription());
        m.put("remedy", e.remedy());
        return m;
    }
}
