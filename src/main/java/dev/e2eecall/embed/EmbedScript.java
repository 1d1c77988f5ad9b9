package dev.e2eecall.embed;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

/**
 * Serves {@code /embed.js}, the host script a portal loads with a script tag (built from
 * {@code frontend/embed/embed-host.ts} into {@code src/main/resources/embed/embed.js}). Its address
 * never changes, so browsers check it again on each use ({@code no-cache} with an ETag) and get the
 * current script after an update; another site's page may load it ({@code Cross-Origin-Resource-Policy}).
 */
@RestController
class EmbedScript {

    static final String PATH = "/embed.js";
    private static final String RESOURCE = "embed/embed.js";
    private static final MediaType JAVASCRIPT = new MediaType("text", "javascript", StandardCharsets.UTF_8);

    private final byte[] script;
    private final String etag;

    EmbedScript() {
        try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
            script = in.readAllBytes();
            // weak: Tomcat compresses no answer with a strong ETag, as the compressed bytes differ
            etag = "W/\""
                    + HexFormat.of()
                            .formatHex(MessageDigest.getInstance("SHA-256").digest(script), 0, 16) + "\"";
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "The host script " + RESOURCE + " is missing from the class path: "
                            + "build it with .ci/build-embed",
                    e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @GetMapping(PATH)
    ResponseEntity<byte[]> script(WebRequest request) {
        if (request.checkNotModified(etag)) {
            return ResponseEntity.status(304)
                    .cacheControl(CacheControl.noCache())
                    .eTag(etag)
                    .build();
        }
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noCache())
                .eTag(etag)
                .header("Cross-Origin-Resource-Policy", "cross-origin")
                .contentType(JAVASCRIPT)
                .body(script);
    }
}
