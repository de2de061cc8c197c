package io.github.mitakemms.camel.karaf.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real Karaf, started headless on free loopback ports: adds the features repository of camel-mitake-mms, installs
 * feature camel-mitake-mms, starts a bundle whose route pushes every file of an inbox through mitake-mms:push, and
 * checks that the WireMock gateway got the token request and the push, and that the route got the batch id back.
 *
 * <p>
 * Karaf reads the project's artifacts from target/karaf-repo (a Maven repository laid out by the build), the rest from
 * the local Maven repository and the remote one. Karaf is always stopped, also when the test JVM is interrupted.
 */
class KarafFeatureIT {

    static final String VERSION = "1.0.0-SNAPSHOT";
    static final String USER = "karaf-it";
    static final String CLIENT_SECRET = "karaf-it-secret";
    static final String BATCH_ID = "304934976469110784";
    static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(4);
    static final Duration PUSH_TIMEOUT = Duration.ofSeconds(60);

    static WireMockServer gateway;
    static Process karaf;
    static Thread stopOnExit;
    static Path home;
    static Path work;
    static String password;
    static int sshPort;

    @BeforeAll
    static void startGatewayAndKaraf() throws Exception {
        gateway = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        gateway.start();
        gateway.stubFor(post(urlEqualTo("/AuthorizationService/Token"))
                .withRequestBody(equalToJson("{\"clientId\":\"karaf-it\",\"clientSecret\":\"" + CLIENT_SECRET + "\"}"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"accessToken\":\"karaf-token\",\"tokenType\":\"bearer\",\"expiresIn\":\"3600\"}")));
        gateway.stubFor(post(urlEqualTo("/msg/mms/json")).withHeader("actionType", equalTo("push"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"batchID\":" + BATCH_ID + ",\"messages\":[{\"msgID\":\"0000000001\",\"cID\":\"k1\","
                                  + "\"status\":\"1\",\"statusDesc\":\"ok\",\"statusTime\":\"20260101120000\","
                                  + "\"point\":3}],\"costPoints\":3,\"accountPoints\":997}")));

        home = Path.of(property("karaf.it.home"));
        work = home.getParent().resolve("karaf-it");
        deleteTree(work);
        Files.createDirectories(work.resolve("inbox"));
        Files.createDirectories(work.resolve("outbox"));
        deleteTree(home.resolve("data"));
        configureKaraf();

        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/karaf").toString(), "server")
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("karaf-console.log").toFile());
        Map<String, String> env = builder.environment();
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("KARAF_EXEC", "exec");
        env.put("JAVA_MAX_MEM", "768m");
        env.put("EXTRA_JAVA_OPTS", "-Dmitake.it.baseUrl=" + gateway.baseUrl()
                                   + " -Dmitake.it.inbox=" + work.resolve("inbox")
                                   + " -Dmitake.it.outbox=" + work.resolve("outbox"));
        karaf = builder.start();
        stopOnExit = new Thread(KarafFeatureIT::stopKaraf, "stop-karaf");
        Runtime.getRuntime().addShutdownHook(stopOnExit);
    }

    @AfterAll
    static void stopAll() {
        try {
            stopKaraf();
            if (stopOnExit != null) {
                Runtime.getRuntime().removeShutdownHook(stopOnExit);
            }
        } finally {
            if (gateway != null) {
                gateway.stop();
            }
        }
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void featureInstallsAndPushReachesTheGateway() throws Exception {
        Path testFeatures = Path.of(property("karaf.it.testFeatures"));
        client("feature:repo-add " + testFeatures.toUri());
        client("feature:repo-add mvn:io.github.mitakemms/camel-mitake-mms-karaf/" + VERSION + "/xml/features");
        client("feature:install camel-mitake-mms");
        String bundles = client("bundle:list -s");
        assertThat(bundles).containsPattern("(?m)^.*\\| Active .*\\| io\\.github\\.mitakemms\\.camel-mitake-mms\\s*$");
        String headers = client("bundle:headers io.github.mitakemms.camel-mitake-mms");
        assertThat(headers).contains("io.github.mitakemms.camel");

        // camel-core-osgi found the component in the bundle, by its META-INF/services file
        assertThat(client("service:list org.apache.camel.spi.ComponentResolver")).contains("component = [mitake-mms]");

        client("bundle:install -s " + Path.of(property("karaf.it.routeJar")).toUri());

        Path picture = work.resolve("inbox").resolve("hello.png");
        Path tmp = work.resolve("hello.png.tmp");
        Files.write(tmp, png());
        Files.move(tmp, picture, StandardCopyOption.ATOMIC_MOVE);

        Path result = work.resolve("outbox").resolve("hello.png");
        Instant deadline = Instant.now().plus(PUSH_TIMEOUT);
        while (!Files.exists(result) && Instant.now().isBefore(deadline) && karaf.isAlive()) {
            Thread.sleep(250);
        }
        assertThat(result).as("the route's result file; Karaf's log: %s", home.resolve("data/log/karaf.log"))
                .exists();
        assertThat(Files.readString(result)).isEqualTo(BATCH_ID);

        gateway.verify(1, postRequestedFor(urlEqualTo("/AuthorizationService/Token")));
        gateway.verify(1, postRequestedFor(urlEqualTo("/msg/mms/json"))
                .withHeader("actionType", equalTo("push"))
                .withHeader("authorization", equalTo("bearer karaf-token"))
                .withHeader("clientID", equalTo("karaf-it"))
                .withRequestBody(containing("\"attachType\":\"png\""))
                .withRequestBody(containing("0912345678")));
    }

    /** Runs one command in Karaf through its SSH client; waits for the console first; fails on an error. */
    static String client(String command) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(home.resolve("bin/client").toString(), "-a", String.valueOf(sshPort),
                "-h", "127.0.0.1", "-u", USER, "-p", password, "-r", "60", "-d", "2", command));
        ProcessBuilder builder = new ProcessBuilder(cmd).directory(home.toFile()).redirectErrorStream(true);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Path out = Files.createTempFile(work, "client", ".log");
        builder.redirectOutput(out.toFile());
        Process process = builder.start();
        boolean done = process.waitFor(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        if (!done) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        String output = Files.readString(out);
        System.out.println("karaf> " + command + "\n" + output);
        if (!done) {
            throw new AssertionError("'" + command + "' did not finish within " + COMMAND_TIMEOUT + ":\n" + output);
        }
        if (process.exitValue() != 0 || output.contains("Error executing command")) {
            throw new AssertionError("'" + command + "' failed (exit " + process.exitValue() + "):\n" + output
                                     + "\nKaraf's log: " + home.resolve("data/log/karaf.log"));
        }
        return output;
    }

    static void configureKaraf() throws IOException {
        sshPort = freePort();
        password = HexFormat.of().formatHex(new SecureRandom().generateSeed(12));
        Path etc = home.resolve("etc");
        replaceLine(etc.resolve("org.apache.karaf.shell.cfg"), "sshPort", "sshPort = " + sshPort);
        replaceLine(etc.resolve("org.apache.karaf.shell.cfg"), "sshHost", "sshHost = 127.0.0.1");
        replaceLine(etc.resolve("org.apache.karaf.management.cfg"), "rmiRegistryPort", "rmiRegistryPort = " + freePort());
        replaceLine(etc.resolve("org.apache.karaf.management.cfg"), "rmiServerPort", "rmiServerPort = " + freePort());
        Files.writeString(etc.resolve("users.properties"),
                USER + " = " + password + ",_g_:admingroup\n"
                + "_g_\\:admingroup = group,admin,manager,viewer,systembundles,ssh\n");

        // the build's repository (this project's artifacts and their libraries), the local Maven repository read-only,
        // the remote repository for what neither has (camel-karaf's features file); downloads go under target
        Path buildRepo = Path.of(property("karaf.it.repo"));
        Path camelJar = Path.of(property("karaf.it.camelJar"));
        Path inRepo = buildRepo.resolve("io/github/mitakemms/camel-mitake-mms-karaf-it/" + VERSION
                                        + "/camel-mitake-mms-karaf-it-" + VERSION + ".jar");
        Files.createDirectories(inRepo.getParent());
        Files.copy(camelJar, inRepo, StandardCopyOption.REPLACE_EXISTING);
        String localRepository = property("karaf.it.localRepository");
        Files.writeString(etc.resolve("org.ops4j.pax.url.mvn.cfg"), String.join("\n",
                "org.ops4j.pax.url.mvn.certificateCheck=true",
                "org.ops4j.pax.url.mvn.useFallbackRepositories=false",
                "org.ops4j.pax.url.mvn.localRepository=" + work.resolve("m2").toUri(),
                "org.ops4j.pax.url.mvn.defaultRepositories=${karaf.home.uri}${karaf.default.repository}@id=system.repository@snapshots, "
                + buildRepo.toUri() + "@id=build@snapshots, "
                + Path.of(localRepository).toUri() + "@id=local",
                "org.ops4j.pax.url.mvn.repositories=https://repo1.maven.org/maven2@id=central",
                "org.ops4j.pax.url.mvn.timeout=5000",
                "org.ops4j.pax.url.mvn.socket.connectionTimeout=5000",
                "org.ops4j.pax.url.mvn.socket.readTimeout=30000",
                "org.ops4j.pax.url.mvn.connection.retryCount=3",
                ""));
    }

    static void stopKaraf() {
        Process process = karaf;
        if (process == null) {
            return;
        }
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(45, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(15, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        children.forEach(ProcessHandle::destroyForcibly);
        karaf = null;
    }

    static void replaceLine(Path file, String key, String line) throws IOException {
        List<String> lines = new ArrayList<>();
        boolean found = false;
        for (String l : Files.readAllLines(file)) {
            if (l.matches("\\s*" + key + "\\s*=.*")) {
                lines.add(line);
                found = true;
            } else {
                lines.add(l);
            }
        }
        if (!found) {
            lines.add(line);
        }
        Files.write(file, lines);
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static String property(String name) {
        String value = System.getProperty(name);
        if (value == null) {
            throw new IllegalStateException("system property " + name + " is not set (run through Maven's failsafe)");
        }
        return value;
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    /** The leading bytes of a 1x1 PNG: enough for the component's type check. */
    static byte[] png() {
        int[] b = { 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 'I', 'H', 'D', 'R', 0x00, 0x00,
                0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00 };
        byte[] bytes = new byte[b.length];
        for (int i = 0; i < b.length; i++) {
            bytes[i] = (byte) b[i];
        }
        return bytes;
    }
}
