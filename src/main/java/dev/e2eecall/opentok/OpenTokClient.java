package dev.e2eecall.opentok;

import com.opentok.OpenTok;
import com.opentok.util.HttpClient;
import dev.e2eecall.join.VideoServiceProperties;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.asynchttpclient.Response;

/**
 * The SDK's {@link OpenTok} with the one request it cannot make on its own: a session with
 * {@code e2ee=true}, which 4.9.0 has no option for. The request goes through the SDK's own
 * authenticated HTTP client (its {@code X-OPENTOK-AUTH} filter); only the extra form parameter
 * and the access to the response's status are added here.
 */
final class OpenTokClient extends OpenTok implements AutoCloseable {

    private final String createSessionUrl;
    private final long timeoutMillis;

    OpenTokClient(OpenTokProperties properties, VideoServiceProperties service) {
        super(properties.apiKeyNumber(), properties.requiredApiSecret());
        // the client built by the SDK's public constructor has neither our API URL nor a timeout
        client.close();
        timeoutMillis = service.requestTimeout().toMillis();
        String apiUrl = properties.apiUrl().toString().replaceAll("/+$", "");
        client = new HttpClient.Builder(properties.apiKeyNumber(), properties.requiredApiSecret())
                .apiUrl(apiUrl)
                .requestTimeoutMS(Math.toIntExact(timeoutMillis))
                .build();
        createSessionUrl = apiUrl + "/session/create";
    }

    /** Posts {@code /session/create} with the given form parameters and returns the raw answer. */
    Response createSession(Map<String, Collection<String>> params)
            throws ExecutionException, InterruptedException, TimeoutException {
        Map<String, List<String>> form = new HashMap<>();
        params.forEach((name, values) -> form.put(name, new ArrayList<>(values)));
        return client.preparePost(createSessionUrl)
                .setFormParams(form)
                .setHeader("Accept", "application/json")
                .execute()
                // the client's own request timeout ends the request first; this only bounds the wait
                .get(timeoutMillis + 1000, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        super.close();
    }
}
