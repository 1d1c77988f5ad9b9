package dev.e2eecall.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class WebOriginsTest {

    @Test
    void origins_areReadAsBrowsersSendThem() {
        assertThat(WebOrigins.parse(
                        "SOME_ORIGINS",
                        " https://Portal.Example.com , http://localhost:8080,,"
                                + "https://a.example:443,http://b.example:80,http://[::1]:3000,https://c.example:8443"))
                .containsExactly(
                        "https://portal.example.com",
                        "http://localhost:8080",
                        "https://a.example",
                        "http://b.example",
                        "http://[::1]:3000",
                        "https://c.example:8443");
    }

    @Test
    void emptySetting_allowsNoOrigin() {
        assertThat(WebOrigins.parse("SOME_ORIGINS", "")).isEmpty();
        assertThat(WebOrigins.parse("SOME_ORIGINS", " , ")).isEqualTo(List.of());
    }

    static Stream<Arguments> notOrigins() {
        return Stream.of(
                Arguments.of("https://portal.example/", "it has a path"),
                Arguments.of("https://portal.example/call", "it has a path"),
                Arguments.of("https://portal.example?x=1", "it has a query or a fragment"),
                Arguments.of("https://portal.example#top", "it has a query or a fragment"),
                Arguments.of("*", "a wildcard is not allowed"),
                Arguments.of("https://*.example.com", "a wildcard is not allowed"),
                Arguments.of("ftp://portal.example", "the scheme must be http or https"),
                Arguments.of("portal.example", "the scheme must be http or https"),
                Arguments.of("localhost:8080", "the scheme must be http or https"),
                Arguments.of("null", "the scheme must be http or https"),
                Arguments.of("https://", "it is not a URL"),
                Arguments.of("https://user@portal.example", "it needs a host"),
                Arguments.of("https://portal.example:", "it needs a host"),
                Arguments.of("https://portal_example.com", "it needs a host"),
                Arguments.of("https://portal.example:0", "the port must be 1 to 65535"),
                Arguments.of("https://portal.example:70000", "the port must be 1 to 65535"),
                Arguments.of("https://portal example", "it is not a URL"));
    }

    @ParameterizedTest(name = "{0}: refused")
    @MethodSource("notOrigins")
    void notAnOrigin_isRefusedNamingTheVariableAndTheEntry(String entry, String why) {
        assertThatThrownBy(() -> WebOrigins.parse("SOME_ORIGINS", "https://fine.example," + entry))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("SOME_ORIGINS: \"" + entry + "\" is not a web origin (" + why)
                .hasMessageContaining("such as https://portal.example.com");
    }
}
