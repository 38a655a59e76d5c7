package org.flowpat.config;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.dataformat.yaml.YAMLAnchorReplayingFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.flowpat.config.validation.Validatable;
import org.flowpat.config.validation.Validation;
import org.flowpat.config.validation.ValidationError;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Loads a YAML document into validated records. Every problem becomes a {@link ConfigError}
 * ({@code file:line: path: message}): syntax errors and duplicate keys, unknown keys, mistyped
 * values, and finally the records' own rules ({@link Validation}). Binding problems and rule
 * violations are all reported at once, in line order.
 */
public final class ConfigLoader {
    // The replaying factory lets an alias (*name) stand for its anchored value, as YAML intends.
    private static final ObjectMapper MAPPER = YAMLMapper.builder(new YAMLAnchorReplayingFactory())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            // 2.5 for a count, or 3 for an enum, is a mistake in a config file, not something to round or index.
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            // An empty list item ("-" alone) is almost always an editing slip.
            .defaultSetterInfo(JsonSetter.Value.forContentNulls(Nulls.FAIL))
            .build();

    private ConfigLoader() {
    }

    /** Loads and validates a YAML document; throws ConfigException listing every error as file:line: path: message. */
    public static <T extends Validatable> T load(Path file, Class<T> type) throws ConfigException {
        Objects.requireNonNull(file, "file");
        String name = file.toString();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ConfigException(new ConfigError(name, 0, "", "file not found"
                    + (file.isAbsolute() ? "" : " (relative to " + Path.of("").toAbsolutePath() + ")")));
        } catch (IOException e) {
            throw new ConfigException(new ConfigError(name, 0, "", "cannot read: " + e));
        }
        return parse(name, bytes, type);
    }

    /** Same, from a stream; sourceName is what error messages call the file (e.g. "flowpat/plants/flow-line.yaml"). */
    public static <T extends Validatable> T load(String sourceName, InputStream in, Class<T> type) throws ConfigException {
        Objects.requireNonNull(in, "in");
        byte[] bytes;
        try (in) {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new ConfigException(new ConfigError(sourceName, 0, "", "cannot read: " + e));
        }
        return parse(sourceName, bytes, type);
    }

    private static <T extends Validatable> T parse(String name, byte[] bytes, Class<T> type) throws ConfigException {
        Objects.requireNonNull(type, "type");
        String text = decode(name, bytes);
        checkSyntax(name, text);
        YamlLines lines = lines(name, text);

        BindingProblems problems = new BindingProblems();
        List<ConfigError> errors = new ArrayList<>();
        T value = null;
        try {
            value = MAPPER.readerFor(type).withHandler(problems).readValue(text);
        } catch (JsonMappingException e) {
            errors.add(bindingError(name, lines, e));
        } catch (StreamReadException e) {
            errors.add(new ConfigError(name, syntaxLine(e), e.getProcessor() == null ? "" : JsonPaths.of(e.getProcessor()),
                    firstLine(e.getOriginalMessage())));
        } catch (IOException e) {
            errors.add(new ConfigError(name, 0, "", "cannot read: " + e.getMessage()));
        }
        for (UnknownKeys.Found u : UnknownKeys.in(lines.root(), type)) {
            errors.add(new ConfigError(name, u.line(), u.path(), u.message()));
        }
        for (BindingProblems.Problem p : problems.problems()) {
            errors.add(new ConfigError(name, lines.contains(p.path()) ? lines.lineOf(p.path()) : p.parserLine(),
                    p.path(), p.message()));
        }
        if (value == null && errors.isEmpty()) {
            errors.add(new ConfigError(name, 1, "", "the document is empty"));
        }
        if (value != null) {
            errors.addAll(ruleErrors(name, lines, value, errors));
        }
        if (!errors.isEmpty()) {
            errors.sort(Comparator.comparingInt(ConfigError::line));
            throw new ConfigException(errors);
        }
        return value;
    }

    /** The records' own rules, except at paths whose value already failed to bind (it is null now). */
    private static List<ConfigError> ruleErrors(String name, YamlLines lines, Validatable value, List<ConfigError> bindingErrors) {
        Set<String> unbound = bindingErrors.stream().map(ConfigError::path).collect(Collectors.toSet());
        return Validation.of(value).stream().filter(v -> !unbound.contains(v.path()))
                .map(v -> new ConfigError(name, lines.lineOf(v.path()), v.path(), v.message())).toList();
    }

    /**
     * The path-to-line map. The token scan has accepted the text, so SnakeYAML fails here only on its
     * own limits (such as too many aliases), which are reported like syntax errors.
     */
    private static YamlLines lines(String name, String text) throws ConfigException {
        try {
            return YamlLines.of(text);
        } catch (org.yaml.snakeyaml.error.MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 1 : e.getProblemMark().getLine() + 1;
            throw new ConfigException(new ConfigError(name, line, "", "YAML error: " + e.getProblem()
                    + (e.getContext() == null ? "" : " (" + e.getContext() + ")")));
        } catch (YAMLException e) {
            throw new ConfigException(new ConfigError(name, 1, "", "YAML error: " + firstLine(e.getMessage())));
        }
    }

    private static String decode(String name, byte[] bytes) throws ConfigException {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            // Some editors start UTF-8 files with a byte-order mark; it is not part of the document.
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new ConfigException(new ConfigError(name, 0, "", "is not UTF-8 text"));
        }
    }

    /**
     * Reads every token once before binding: syntax errors and duplicate keys are found here with
     * the position of the parser, and an empty file or a second document is refused.
     */
    private static void checkSyntax(String name, String text) throws ConfigException {
        try (JsonParser p = MAPPER.createParser(text)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                throw new ConfigException(new ConfigError(name, 1, "", "the file is empty"));
            }
            p.skipChildren();
            JsonToken next = p.nextToken();
            if (next != null) {
                throw new ConfigException(new ConfigError(name, p.currentTokenLocation().getLineNr(), "",
                        "only one YAML document is allowed, found another one here"));
            }
        } catch (StreamReadException e) {
            JsonParser p = e.getProcessor();
            int line = syntaxLine(e);
            if (line <= 0) {
                // Some problems (an alias to an undefined anchor) come without a position: SnakeYAML's own
                // parse of the text has one, and throws it from here.
                lines(name, text);
                line = 1;
            }
            throw new ConfigException(new ConfigError(name, line, p == null ? "" : JsonPaths.of(p), syntaxMessage(e)));
        } catch (IOException e) {
            throw new ConfigException(new ConfigError(name, 0, "", "cannot read: " + e.getMessage()));
        }
    }

    /** Where SnakeYAML saw the problem; Jackson's own location can lag one token behind. */
    private static int syntaxLine(StreamReadException e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof org.yaml.snakeyaml.error.MarkedYAMLException m && m.getProblemMark() != null) {
                return m.getProblemMark().getLine() + 1;
            }
        }
        return e.getLocation() == null ? 0 : e.getLocation().getLineNr();
    }

    private static String syntaxMessage(StreamReadException e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof org.yaml.snakeyaml.error.MarkedYAMLException m) {
                String context = m.getContext() == null ? "" : " (" + m.getContext()
                        + (m.getContextMark() == null ? "" : " at line " + (m.getContextMark().getLine() + 1)) + ")";
                return "YAML syntax error: " + m.getProblem() + context;
            }
        }
        String msg = e.getOriginalMessage();
        if (msg != null && msg.startsWith("Duplicate field '")) {
            return "duplicate key '" + msg.substring("Duplicate field '".length(), msg.indexOf('\'', "Duplicate field '".length())) + "'";
        }
        return "YAML syntax error: " + firstLine(msg);
    }

    private static ConfigError bindingError(String name, YamlLines lines, JsonMappingException e) {
        String path = JsonPaths.of(e.getPath());
        int line = lines.contains(path) ? lines.lineOf(path)
                : e.getLocation() != null && e.getLocation().getLineNr() > 0 ? e.getLocation().getLineNr() : lines.lineOf(path);
        return new ConfigError(name, line, path, bindingMessage(e));
    }

    private static String bindingMessage(JsonMappingException e) {
        JsonParser p = e.getProcessor() instanceof JsonParser jp ? jp : null;
        if (e instanceof UnrecognizedPropertyException u) {
            return "unknown key '" + u.getPropertyName() + "' (known keys: "
                    + Describe.knownKeys(u.getReferringClass(), u.getKnownPropertyIds()) + ")";
        }
        if (e instanceof InvalidNullException) {
            return "must not be empty";
        }
        if (e instanceof InvalidFormatException f) {
            return "expected " + Describe.expected(f.getTargetType()) + " but found " + Describe.value(f.getValue());
        }
        if (e instanceof MismatchedInputException m) {
            return "expected " + Describe.expected(m.getTargetType()) + " but found " + Describe.token(p);
        }
        if (e instanceof ValueInstantiationException v && v.getCause() != null) {
            return "cannot be built: " + firstLine(v.getCause().getMessage());
        }
        return firstLine(e.getOriginalMessage());
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "invalid";
        }
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).trim();
    }
}
