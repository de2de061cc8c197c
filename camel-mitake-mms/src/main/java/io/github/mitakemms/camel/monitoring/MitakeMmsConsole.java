package io.github.mitakemms.camel.monitoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.mitakemms.camel.MitakeMmsComponent;
import io.github.mitakemms.camel.MitakeMmsEndpoint;
import io.github.mitakemms.camel.MitakeMmsOperation;
import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.Endpoint;
import org.apache.camel.Route;
import org.apache.camel.spi.annotations.DevConsole;
import org.apache.camel.support.console.AbstractDevConsole;
import org.apache.camel.util.json.JsonObject;

/**
 * The dev console {@code mitake-mms}: per account, its connections, concurrency, token, pushes, points, queries and last
 * error; per callback consumer, its answers by HTTP status, reports routed and duplicates dropped. Shows no secret, no
 * token and no message content.
 */
@DevConsole(name = "mitake-mms", group = "camel", displayName = "Mitake MMS", description = "Mitake MMS accounts and callbacks")
public class MitakeMmsConsole extends AbstractDevConsole {

    public MitakeMmsConsole() {
        super("camel", "mitake-mms", "Mitake MMS", "Mitake MMS accounts and callbacks");
    }

    @Override
    protected String doCallText(Map<String, Object> options) {
        StringBuilder sb = new StringBuilder();
        for (MitakeMmsStatistics s : accounts(getCamelContext())) {
            Map<String, Object> f = s.producerFigures();
            sb.append("Account: ").append(f.get("account")).append('\n');
            sb.append(String.format("    Connections: %s open, bound %s; concurrency limit %s, %s in flight, "
                                    + "%s answered 1007 (limit cut %s times)%n",
                    f.get("connectionsOpen"), f.get("connectionsBound"), f.get("concurrencyLimit"),
                    f.get("callsInFlight"), f.get("tooManyConnections"), f.get("limitDecreases")));
            sb.append(String.format("    Token: age %s s, %s requested%n",
                    f.get("tokenAgeSeconds") == null ? "-" : f.get("tokenAgeSeconds"), f.get("tokenRequests")));
            sb.append(String.format("    Pushes: %s calls, %s accepted, refused by code %s%n",
                    f.get("pushCalls"), f.get("pushesAccepted"), f.get("pushesRefused")));
            sb.append(String.format("    Destinations: %s accepted, refused by code %s, %s duplicates (2018)%n",
                    f.get("destinationsAccepted"), f.get("destinationsRefused"), f.get("duplicates")));
            sb.append(String.format("    Points: %s spent, %s left%s%n", f.get("pointsSpent"),
                    f.get("accountPoints") == null ? "-" : f.get("accountPoints"),
                    f.get("accountPointsAt") == null ? "" : " (at " + f.get("accountPointsAt") + ")"));
            sb.append(String.format("    Queries: %s, %s failed%n", f.get("queries"), f.get("queriesFailed")));
            appendLastError(sb, f);
        }
        for (MitakeMmsStatistics s : callbacks(getCamelContext())) {
            Map<String, Object> f = s.callbackFigures();
            sb.append("Callback: ").append(f.get("route")).append('\n');
            sb.append(String.format("    Answers by HTTP status: %s%n", f.get("callbacks")));
            sb.append(String.format("    Reports: %s routed, %s duplicates dropped%n", f.get("reportsRouted"),
                    f.get("duplicatesDropped")));
            appendLastError(sb, f);
        }
        return sb.toString();
    }

    private static void appendLastError(StringBuilder sb, Map<String, Object> f) {
        if (f.get("lastError") instanceof Map<?, ?> e) {
            sb.append(String.format("    Last error: %s %s (at %s)%n", e.get("code"), e.get("message"), e.get("at")));
        }
    }

    @Override
    protected Map<String, Object> doCallJson(Map<String, Object> options) {
        JsonObject root = new JsonObject();
        List<JsonObject> accounts = new ArrayList<>();
        for (MitakeMmsStatistics s : accounts(getCamelContext())) {
            accounts.add(new JsonObject(s.producerFigures()));
        }
        List<JsonObject> callbacks = new ArrayList<>();
        for (MitakeMmsStatistics s : callbacks(getCamelContext())) {
            callbacks.add(new JsonObject(s.callbackFigures()));
        }
        root.put("accounts", accounts);
        root.put("callbacks", callbacks);
        return root;
    }

    /** The statistics of every account of every mitake-mms component of the context. */
    static List<MitakeMmsStatistics> accounts(CamelContext context) {
        List<MitakeMmsStatistics> list = new ArrayList<>();
        for (String name : context.getComponentNames()) {
            Component c = context.hasComponent(name);
            if (c instanceof MitakeMmsComponent m) {
                list.addAll(m.accountStatistics());
            }
        }
        return list;
    }

    /** The statistics of every callback consumer of the context. */
    static List<MitakeMmsStatistics> callbacks(CamelContext context) {
        List<MitakeMmsStatistics> list = new ArrayList<>();
        for (Route route : context.getRoutes()) {
            Endpoint e = route.getEndpoint();
            if (e instanceof MitakeMmsEndpoint m && m.getConfiguration().getOperation() == MitakeMmsOperation.callback
                    && m.callbackStatistics() != null) {
                list.add(m.callbackStatistics());
            }
        }
        return list;
    }
}
