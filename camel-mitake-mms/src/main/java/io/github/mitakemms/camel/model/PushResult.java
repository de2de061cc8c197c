package io.github.mitakemms.camel.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The result body of a push: the batch id(s), the gateway's answer for every destination and the points. A push of more
 * than 500 destinations is sent in several API calls: then {@link #getBatchIds()} holds one batch id per call and
 * {@link #isSplit()} is true.
 */
public class PushResult {

    private final List<String> batchIds = new ArrayList<>();
    private final List<MessageResult> messages = new ArrayList<>();
    private int costPoints;
    private Integer accountPoints;

    /** Adds the response of one API call of this push. */
    public void add(PushResponse response) {
        batchIds.add(response.getBatchId());
        for (MessageResult m : response.getMessages()) {
            if (m.getBatchId() == null) {
                m.setBatchId(response.getBatchId());
            }
            messages.add(m);
        }
        if (response.getCostPoints() != null) {
            costPoints += response.getCostPoints();
        }
        if (response.getAccountPoints() != null) {
            accountPoints = response.getAccountPoints();
        }
    }

    /** The batch id of the first (usually the only) API call. */
    public String getBatchId() {
        return batchIds.isEmpty() ? null : batchIds.get(0);
    }

    /** The batch ids of every API call of this push, in order. */
    public List<String> getBatchIds() {
        return Collections.unmodifiableList(batchIds);
    }

    /** Whether the push was sent in more than one API call (more than 500 destinations). */
    public boolean isSplit() {
        return batchIds.size() > 1;
    }

    /** The gateway's answer for every destination, in the order of the destinations. */
    public List<MessageResult> getMessages() {
        return Collections.unmodifiableList(messages);
    }

    /** The msgIDs of the accepted messages. */
    public List<String> getMsgIds() {
        List<String> ids = new ArrayList<>(messages.size());
        for (MessageResult m : messages) {
            if (m.getMsgId() != null && !m.isRejected()) {
                ids.add(m.getMsgId());
            }
        }
        return ids;
    }

    /** The destinations the gateway refused (Attachment 2), to which nothing was sent. */
    public List<MessageResult> getRejected() {
        List<MessageResult> rejected = new ArrayList<>();
        for (MessageResult m : messages) {
            if (m.isRejected()) {
                rejected.add(m);
            }
        }
        return rejected;
    }

    /** Points the push cost, summed over its API calls. */
    public int getCostPoints() {
        return costPoints;
    }

    /** Points left on the account after the last API call, or null when the gateway did not say. */
    public Integer getAccountPoints() {
        return accountPoints;
    }

    @Override
    public String toString() {
        return "PushResult[batchIds=" + batchIds + ", messages=" + messages.size() + ", rejected=" + getRejected().size()
               + ", costPoints=" + costPoints + ", accountPoints=" + accountPoints + "]";
    }
}
