package io.github.mitakemms.camel.model;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The result body of a push: the batch id(s), the answer for every destination and the points. A push of more than 500
 * destinations is sent in several API calls: then {@link #getBatchIds()} holds one batch id per call and
 * {@link #isSplit()} is true. Destinations refused by local validation (an invalid phone number) are in the result too,
 * refused with their code and without a msgID, in their place among the others.
 */
public class PushResult {

    private final List<String> batchIds = new ArrayList<>();
    private final List<MessageResult> messages = new ArrayList<>();
    private BigDecimal costPoints = BigDecimal.ZERO;
    private BigDecimal accountPoints;

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
            costPoints = costPoints.add(response.getCostPoints());
        }
        if (response.getAccountPoints() != null) {
            accountPoints = response.getAccountPoints();
        }
    }

    /**
     * Puts a destination refused before sending at its place among the results: nothing was sent to it.
     *
     * @param index the destination's position in the push
     */
    public void addRefused(int index, Destination destination, ApiCode code) {
        MessageResult m = new MessageResult();
        m.setCId(destination.getCId());
        m.setStatus(code.code());
        m.setStatusDesc(code.text());
        messages.add(Math.min(index, messages.size()), m);
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

    /** The answer for every destination, in the order of the destinations. */
    public List<MessageResult> getMessages() {
        return Collections.unmodifiableList(messages);
    }

    /** The msgIDs of the accepted messages. */
    public List<String> getMsgIds() {
        List<String> ids = new ArrayList<>(messages.size());
        for (MessageResult m : messages) {
            if (m.getMsgId() != null && !m.isRejected() && !m.isDuplicate()) {
                ids.add(m.getMsgId());
            }
        }
        return ids;
    }

    /** How many destinations were accepted: neither refused nor a duplicate cID. */
    public int getAcceptedCount() {
        int n = 0;
        for (MessageResult m : messages) {
            if (!m.isRejected() && !m.isDuplicate()) {
                n++;
            }
        }
        return n;
    }

    /** The destinations refused (Attachment 2, by the gateway or by local validation), to which nothing was sent. */
    public List<MessageResult> getRejected() {
        List<MessageResult> rejected = new ArrayList<>();
        for (MessageResult m : messages) {
            if (m.isRejected()) {
                rejected.add(m);
            }
        }
        return rejected;
    }

    /**
     * The destinations whose cID the gateway had seen before (2018): not sent now, but the earlier message with that
     * cID may have gone out.
     */
    public List<MessageResult> getDuplicates() {
        List<MessageResult> duplicates = new ArrayList<>();
        for (MessageResult m : messages) {
            if (m.isDuplicate()) {
                duplicates.add(m);
            }
        }
        return duplicates;
    }

    /** Points the push cost, summed over its API calls, as the gateway gave them. */
    public BigDecimal getCostPoints() {
        return costPoints;
    }

    /** Points left on the account after the last API call, or null when the gateway did not say. */
    public BigDecimal getAccountPoints() {
        return accountPoints;
    }

    @Override
    public String toString() {
        return "PushResult[batchIds=" + batchIds + ", messages=" + messages.size() + ", rejected=" + getRejected().size()
               + ", duplicates=" + getDuplicates().size() + ", costPoints=" + costPoints + ", accountPoints="
               + accountPoints + "]";
    }
}
