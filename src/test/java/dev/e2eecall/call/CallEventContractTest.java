package dev.e2eecall.call;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.DomEvent;
import com.vaadin.flow.component.EventData;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Parameter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;

/**
 * The Java events and the elements' DOM events are one contract: every {@code @DomEvent} of a
 * package names an event its elements fire, every {@code @EventData("event.detail.x")} a key of that
 * event's detail, and every event and key the browser side lists is read here. The browser side's
 * list is {@code CALL_EVENTS} in {@code frontend/call/call-events.ts} ({@code EMBED_EVENTS} in
 * {@code frontend/embed/embed-events.ts} for the embed frame), which the dispatch sites are typed by.
 */
class CallEventContractTest {

    /** How a detail read as it is appears in both lists. */
    private static final String WHOLE_DETAIL = "(whole detail)";

    private static final String DETAIL = "event.detail";
    private static final Pattern DETAIL_KEY = Pattern.compile("event\\.detail\\.([A-Za-z_$][\\w$]*)");
    private static final Pattern ENTRY = Pattern.compile("'([a-z0-9-]+)':\\s*(\\[[^\\]]*]|'whole')");
    private static final Pattern QUOTED = Pattern.compile("'([^']*)'");

    @Test
    void callEvents_theServerReads_areTheOnesTheCallElementsFire_withTheSameDetailKeys() throws IOException {
        SortedMap<String, Set<String>> browser = browserSide(Path.of("frontend/call/call-events.ts"), "CALL_EVENTS");

        assertThat(browser).containsKeys("e2ee-call-connected", "e2ee-call-signal", "e2ee-device-checked");
        assertThat(serverSide("dev.e2eecall.call")).isEqualTo(browser);
    }

    @Test
    void embedEvents_theServerReads_areTheOnesTheEmbedFrameFires_withTheSameDetailKeys() throws IOException {
        SortedMap<String, Set<String>> browser = browserSide(Path.of("frontend/embed/embed-events.ts"), "EMBED_EVENTS");

        assertThat(browser).containsKeys("e2ee-embed-open", "e2ee-embed-command");
        assertThat(serverSide("dev.e2eecall.embed")).isEqualTo(browser);
    }

    /** Each {@code @DomEvent} of the package (and those below it) with the detail keys its constructors read. */
    private static SortedMap<String, Set<String>> serverSide(String packageName) {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(DomEvent.class));
        SortedMap<String, Set<String>> events = new TreeMap<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents(packageName)) {
            Class<?> type = load(candidate.getBeanClassName());
            String event = type.getAnnotation(DomEvent.class).value();
            Set<String> keys = new TreeSet<>();
            for (Constructor<?> constructor : type.getConstructors()) {
                for (Parameter parameter : constructor.getParameters()) {
                    EventData data = parameter.getAnnotation(EventData.class);
                    if (data != null) {
                        keys.add(detailKey(type, data.value()));
                    }
                }
            }
            assertThat(events.put(event, keys))
                    .as("%s is the only Java event for %s", type.getName(), event)
                    .isNull();
        }
        return events;
    }

    private static String detailKey(Class<?> type, String expression) {
        if (expression.equals(DETAIL)) {
            return WHOLE_DETAIL;
        }
        Matcher key = DETAIL_KEY.matcher(expression);
        assertThat(key.matches())
                .as("%s reads %s: only the detail or one of its keys is part of the contract", type, expression)
                .isTrue();
        return key.group(1);
    }

    /** The entries of the list {@code name} in a TypeScript file: {@code 'event': ['key', ...]} or {@code 'whole'}. */
    private static SortedMap<String, Set<String>> browserSide(Path file, String name) throws IOException {
        String source = Files.readString(file);
        int start = source.indexOf("export const " + name + " = {");
        int end = source.indexOf("} as const", start);
        assertThat(start).as("%s in %s", name, file).isNotNegative();
        assertThat(end).as("the end of %s in %s", name, file).isPositive();
        SortedMap<String, Set<String>> events = new TreeMap<>();
        Matcher entry = ENTRY.matcher(source.substring(start, end));
        while (entry.find()) {
            Set<String> keys = new TreeSet<>();
            if (entry.group(2).equals("'whole'")) {
                keys.add(WHOLE_DETAIL);
            } else {
                QUOTED.matcher(entry.group(2)).results().forEach(key -> keys.add(key.group(1)));
            }
            events.put(entry.group(1), keys);
        }
        return events;
    }

    private static Class<?> load(String className) {
        try {
            return Class.forName(className);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(className + " was found on the class path but cannot be loaded", e);
        }
    }

    @Test
    void theListReader_takesKeysWholeDetailsAndEventsWithoutDetail() throws IOException {
        Path file = Files.createTempFile("events", ".ts");
        try {
            Files.writeString(file, """
                    export const EVENTS = {
                      'a-b': ['x', 'y'],
                      'c': 'whole',
                      'd': [],
                    } as const satisfies Record<string, unknown>;
                    """);

            assertThat(browserSide(file, "EVENTS"))
                    .isEqualTo(Map.of("a-b", Set.of("x", "y"), "c", Set.of(WHOLE_DETAIL), "d", Set.of()));
        } finally {
            Files.delete(file);
        }
    }
}
