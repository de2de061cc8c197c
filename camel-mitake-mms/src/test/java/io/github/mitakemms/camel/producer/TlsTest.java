package io.github.mitakemms.camel.producer;

import java.nio.file.Files;
import java.nio.file.Path;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.github.mitakemms.camel.MitakeMmsComponent;
import io.github.mitakemms.camel.exception.MitakeMmsRetryableException;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.jsse.KeyStoreParameters;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * TLS goes through Camel's SSLContextParameters: the gateway's self-signed certificate is refused by the JVM's defaults
 * and accepted with parameters that trust it.
 */
class TlsTest extends CamelTestSupport {

    private static final String PASSWORD = "changeit";

    private WireMockServer gateway;

    @Override
    protected CamelContext createCamelContext() throws Exception {
        Path keystore = selfSignedKeystore();
        gateway = new WireMockServer(WireMockConfiguration.options().httpDisabled(true).dynamicHttpsPort()
                .bindAddress("127.0.0.1").keystorePath(keystore.toString()).keystorePassword(PASSWORD)
                .keyManagerPassword(PASSWORD).keystoreType("PKCS12"));
        gateway.start();
        gateway.stubFor(post(urlEqualTo("/AuthorizationService/Token"))
                .willReturn(aResponse().withBody("{\"accessToken\":\"tls-token\",\"expiresIn\":\"3600\"}")));
        gateway.stubFor(post(urlEqualTo("/msg/mms/json")).willReturn(aResponse().withBody("{\"batchID\":9,\"messages\":[]}")));
        CamelContext context = super.createCamelContext();
        MitakeMmsComponent component = new MitakeMmsComponent();
        component.getConfiguration().setBaseUrl("https://localhost:" + gateway.httpsPort());
        component.getConfiguration().setClientId("id");
        component.getConfiguration().setClientSecret("secret");
        context.addComponent("mitake-mms", component);
        KeyStoreParameters store = new KeyStoreParameters();
        store.setResource("file:" + keystore);
        store.setPassword(PASSWORD);
        store.setType("PKCS12");
        TrustManagersParameters trust = new TrustManagersParameters();
        trust.setKeyStore(store);
        SSLContextParameters ssl = new SSLContextParameters();
        ssl.setTrustManagers(trust);
        context.getRegistry().bind("trustTheSimulator", ssl);
        return context;
    }

    @AfterEach
    void stop() {
        gateway.stop();
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:default").to("mitake-mms:queryBatchDR");
                from("direct:trusting").to("mitake-mms:queryBatchDR?sslContextParameters=#trustTheSimulator");
            }
        };
    }

    @Test
    void theJvmDefaultsRefuseASelfSignedGateway() {
        Exchange out = template.request("direct:default", e -> e.getMessage().setBody("9"));
        assertThat(out.getException()).isInstanceOf(MitakeMmsRetryableException.class)
                .hasMessageContaining("I/O error");
        assertThat(gateway.findAll(postRequestedFor(urlEqualTo("/msg/mms/json")))).isEmpty();
    }

    @Test
    void sslContextParametersAreUsed() {
        Exchange out = template.request("direct:trusting", e -> e.getMessage().setBody("9"));
        assertThat(out.getException()).isNull();
        assertThat(gateway.findAll(postRequestedFor(urlEqualTo("/msg/mms/json")))).hasSize(1);
    }

    /** A PKCS12 keystore with a self-signed certificate for localhost, made by the JDK's keytool. */
    private static Path selfSignedKeystore() throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "tls"));
        Path keystore = dir.resolve("gateway-" + System.nanoTime() + ".p12");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        Process p = new ProcessBuilder(keytool, "-genkeypair", "-alias", "gateway", "-keyalg", "RSA", "-keysize", "2048",
                "-validity", "2", "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1",
                "-storetype", "PKCS12", "-keystore", keystore.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD)
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(output).isZero();
        return keystore;
    }
}
