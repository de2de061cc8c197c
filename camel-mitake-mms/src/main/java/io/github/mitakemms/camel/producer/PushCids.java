package io.github.mitakemms.camel.producer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.github.mitakemms.camel.MitakeMmsConstants;
import io.github.mitakemms.camel.binding.MessageBinding;
import io.github.mitakemms.camel.model.Destination;
import org.apache.camel.Exchange;
import org.apache.camel.Expression;
import org.apache.camel.Message;

/**
 * The cIDs of a push. The gateway answers a cID it saw in the last 12 hours with its earlier reply and sends nothing, so
 * a cID reused by another push is a message silently never sent, and a cID lost before a resend is a message possibly
 * sent twice. Hence, for every destination without a cID of its own, in this order:
 * <ol>
 * <li>a redelivery of a push that failed on this exchange (same destinations, its push not completed) gets that push's
 * cIDs again;</li>
 * <li>the header {@link MitakeMmsConstants#CIDS} set by anyone but an earlier push of this exchange (a dead-letter queue
 * handing the message back, a route) gives the cIDs by position;</li>
 * <li>with {@code cidSeed}, a cID derived from the seed's value, the position and the number;</li>
 * <li>else a random UUID ({@link RandomUuids}).</li>
 * </ol>
 * Every destination's cID, in order, is put in the header {@link MitakeMmsConstants#CIDS} before the first call, so it
 * is on the message when the push fails. A push that completed leaves its header behind, but a later push on the same
 * exchange does not take it: it gets cIDs of its own.
 */
final class PushCids {

    /** Exchange property: the cIDs of the last push of the exchange, and whether it completed. */
    static final String STATE_PROPERTY = "CamelMitakeMmsCidState";

    private final boolean generate;
    private final Expression seed;

    /**
     * @param generate whether to give destinations without a cID one
     * @param seed     the cidSeed expression, or null
     */
    PushCids(boolean generate, Expression seed) {
        this.generate = generate;
        this.seed = seed;
    }

    /** Gives the destinations their cIDs and writes them in the header; returns the state to mark completed. */
    State assign(Exchange exchange, List<Destination> destinations) {
        Message message = exchange.getMessage();
        Object header = message.getHeader(MitakeMmsConstants.CIDS);
        State last = exchange.getProperty(STATE_PROPERTY, State.class);
        List<String> numbers = numbers(destinations);
        List<String> given = null;
        if (last != null && !last.completed && last.numbers.equals(numbers)
                && (header == null || header == last.cIds)) {
            // a redelivery, or a resend by the route, of the push that failed: the same cIDs
            given = last.cIds;
        } else if (header != null && (last == null || header != last.cIds)) {
            given = parse(header, destinations.size());
        }
        String seedValue = seed != null && generate ? seedValue(exchange) : null;
        List<String> cIds = new ArrayList<>(destinations.size());
        for (int i = 0; i < destinations.size(); i++) {
            Destination d = destinations.get(i);
            if (isEmpty(d.getCId())) {
                String cId = given != null ? given.get(i) : null;
                if (isEmpty(cId) && generate) {
                    cId = seedValue != null ? derive(seedValue, i, numbers.get(i)) : RandomUuids.next().toString();
                }
                d.setCId(isEmpty(cId) ? null : cId);
            }
            cIds.add(d.getCId());
        }
        State state = given != null && last != null && given == last.cIds && cIds.equals(last.cIds)
                ? last : new State(cIds, numbers);
        message.setHeader(MitakeMmsConstants.CIDS, state.cIds);
        exchange.setProperty(STATE_PROPERTY, state);
        return state;
    }

    /**
     * A name-based UUID of the seed, the position and the number: the same input gives the same cID in any process.
     */
    static String derive(String seed, int position, String number) {
        String name = "mitake-mms\n" + seed + '\n' + position + '\n' + number;
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }

    private String seedValue(Exchange exchange) {
        String value = seed.evaluate(exchange, String.class);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("mitake-mms option cidSeed gave no value for this exchange, so no cID "
                                               + "can be derived: the seed must have a value for every push");
        }
        return value;
    }

    /** cIDs by position from a List or a comma-separated String (also the "[a, b]" of a List turned into text). */
    private static List<String> parse(Object header, int destinations) {
        Object value = header;
        if (value instanceof CharSequence s) {
            String text = s.toString().trim();
            if (text.startsWith("[") && text.endsWith("]")) {
                text = text.substring(1, text.length() - 1);
            }
            value = text;
        }
        List<String> cIds = MessageBinding.values(value, true);
        if (cIds.size() != destinations) {
            throw new IllegalArgumentException("mitake-mms header " + MitakeMmsConstants.CIDS + " holds " + cIds.size()
                                               + " cIDs but the push has " + destinations
                                               + " destinations: it gives the cIDs by position, one for each");
        }
        return cIds;
    }

    private static List<String> numbers(List<Destination> destinations) {
        List<String> numbers = new ArrayList<>(destinations.size());
        for (Destination d : destinations) {
            numbers.add(d == null ? null : d.getTo());
        }
        return numbers;
    }

    private static boolean isEmpty(String s) {
        return s == null || s.isEmpty();
    }

    /** The cIDs a push was given, and whether it completed. */
    static final class State {
        private final List<String> cIds;
        private final List<String> numbers;
        private volatile boolean completed;

        State(List<String> cIds, List<String> numbers) {
            this.cIds = cIds;
            this.numbers = numbers;
        }

        /** The push was answered: a later push on the exchange is another push, with cIDs of its own. */
        void completed() {
            completed = true;
        }

        @Override
        public String toString() {
            return "cIDs of a push (" + cIds.size() + ", " + (completed ? "completed" : "not completed") + ")";
        }
    }
}
