package io.github.mitakemms.camel.client;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.core5.util.VersionInfo;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link QuietConnections} stands in for HttpClient's own connection class, written against one HttpClient version. An
 * upgrade must fail here first, so that what the quiet connection relies on is read again.
 */
class QuietConnectionsTest {

    /** The version in the parent pom's httpclient5.version, the one QuietConnections was written against. */
    private static final String WRITTEN_AGAINST = "5.5.1";

    @Test
    void httpClientIsTheVersionTheQuietConnectionWasWrittenAgainst() {
        VersionInfo info = VersionInfo.loadVersionInfo("org.apache.hc.client5", PoolingHttpClientConnectionManager.class.getClassLoader());
        String version = info != null ? info.getRelease()
                : PoolingHttpClientConnectionManager.class.getPackage().getImplementationVersion();
        assertThat(version).as("read QuietConnections against the new HttpClient's DefaultManagedHttpClientConnection, "
                               + "then change WRITTEN_AGAINST").isEqualTo(WRITTEN_AGAINST);
    }

    @Test
    void theQuietConnectionDoesEverythingHttpClientsOwnConnectionDoes() throws Exception {
        // package-private in HttpClient: read by name
        Class<?> own = Class.forName("org.apache.hc.client5.http.impl.io.DefaultManagedHttpClientConnection");
        List<String> missing = new ArrayList<>();
        for (Method m : own.getDeclaredMethods()) {
            if (Modifier.isStatic(m.getModifiers()) || Modifier.isPrivate(m.getModifiers()) || m.isSynthetic()) {
                continue;
            }
            try {
                // every method HttpClient's connection overrides, the quiet one overrides too (or inherits the same base)
                Method ours = find(QuietConnections.QuietConnection.class, m);
                if (ours == null || ours.getDeclaringClass().isInterface()) {
                    missing.add(m.toGenericString());
                }
            } catch (SecurityException e) {
                missing.add(m.toGenericString());
            }
        }
        assertThat(missing).isEmpty();
    }

    private static Method find(Class<?> type, Method m) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            try {
                return c.getDeclaredMethod(m.getName(), m.getParameterTypes());
            } catch (NoSuchMethodException e) {
                // look in the superclass
            }
        }
        return null;
    }
}
