package co.rtm.hub;

import static org.assertj.core.api.Assertions.assertThat;

import co.rtm.hub.api.ApiServer;
import co.rtm.hub.home.HubHome;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A whole hub (embedded broker, SQLite) with its REST API: health sees the broker, and the API stops with the hub. */
class HubApiTest {
    @TempDir
    Path dir;

    @Test
    void healthReportsTheDatabaseAndTheBrokerUpOn127001() throws Exception {
        HubHome.init(dir);
        HttpClient http = HttpClient.newHttpClient();
        String url;
        try (HubServer hub = HubServer.start(HubConfig.embedded(dir, 0))) {
            ApiServer api = hub.startApi(0);
            url = api.url();
            assertThat(url).startsWith("http://127.0.0.1:");
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(url + "/api/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"database\":\"up\"").contains("\"broker\":\"up\"");
        }
        HttpRequest again = HttpRequest.newBuilder(URI.create(url + "/api/health")).build();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> http.send(again, HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(java.io.IOException.class);
    }
}
