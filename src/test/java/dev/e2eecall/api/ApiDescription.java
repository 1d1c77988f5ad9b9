package dev.e2eecall.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.OpenApi31;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The API's OpenAPI description as the running app serves it, used to check real answers: the
 * status must be documented for the path and method, the declared headers present, and the body
 * valid against the declared schema (JSON Schema, OpenAPI 3.1 dialect).
 */
final class ApiDescription {

    private static final String LOCATION = "https://e2eecall.test/api/openapi.yaml";

    private final JsonNode document;
    private final SchemaRegistry schemas;

    private ApiDescription(String yaml) {
        this.document = YAMLMapper.builder().build().readTree(yaml);
        this.schemas =
                SchemaRegistry.withDialect(OpenApi31.getInstance(), builder -> builder.schemas(Map.of(LOCATION, yaml)));
    }

    /** Fetches the description from the app, as a client's tooling would. */
    static ApiDescription served(ApiCalls api) {
        HttpResponse<String> answer = api.get("/api/openapi.yaml");
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/yaml"));
        return new ApiDescription(answer.body());
    }

    JsonNode document() {
        return document;
    }

    /** What is wrong with a JSON text measured against the schema at a pointer of the description. */
    List<Error> errorsAgainst(String schemaPointer, String json) {
        return schemas.getSchema(SchemaLocation.of(LOCATION + "#" + schemaPointer))
                .validate(json, InputFormat.JSON);
    }

    /** Fails unless the answer to {@code method path} is one the description documents, as documented. */
    void assertDescribes(String method, String pathTemplate, HttpResponse<String> answer) {
        String operation =
                "/paths/" + pathTemplate.replace("~", "~0").replace("/", "~1") + "/" + method.toLowerCase(Locale.ROOT);
        assertThat(document.at(operation).isObject())
                .as("%s %s is described", method, pathTemplate)
                .isTrue();
        String responsePointer = operation + "/responses/" + answer.statusCode();
        JsonNode response = document.at(responsePointer);
        assertThat(response.isObject())
                .as("%s %s documents status %d", method, pathTemplate, answer.statusCode())
                .isTrue();
        if (response.has("$ref")) {
            responsePointer = response.path("$ref").asString().substring(1);
            response = document.at(responsePointer);
        }
        for (String header : response.path("headers").propertyNames()) {
            assertThat(answer.headers().firstValue(header))
                    .as("header %s of %d", header, answer.statusCode())
                    .isPresent();
            JsonNode constant =
                    response.path("headers").path(header).path("schema").path("const");
            if (constant.isString()) {
                assertThat(answer.headers().firstValue(header)).hasValue(constant.asString());
            }
        }
        String contentType =
                answer.headers().firstValue("Content-Type").orElse("").replaceAll(";.*", "");
        JsonNode content = response.path("content").path(contentType);
        assertThat(content.isObject())
                .as("content type %s of %d is documented", contentType, answer.statusCode())
                .isTrue();
        Schema schema = schemas.getSchema(SchemaLocation.of(
                LOCATION + "#" + responsePointer + "/content/" + contentType.replace("/", "~1") + "/schema"));
        List<Error> errors = schema.validate(answer.body(), InputFormat.JSON);
        assertThat(errors)
                .as("%s %s %d: %s", method, pathTemplate, answer.statusCode(), answer.body())
                .isEmpty();
    }
}
