package io.github.mitakemms.camel.model;

import java.util.HashMap;
import java.util.Map;

/**
 * The status of one message: the delivery statuses of Attachment 3 of the API and the per-destination refusals of
 * Attachment 2. Every status knows its text, whether it is final (no later report will change it) and whether it is a
 * success.
 */
public enum MmsStatus {

    DELIVERED("0", "已送達手機", true, true, false),
    ACCEPTED("1", "已送達三竹", false, false, false),
    SENT_TO_CARRIER("2", "已送達業者", false, false, false),
    SCHEDULED("1000", "預約傳送中", false, false, false),
    SCHEDULE_CANCELLED("1001", "預約已取消", true, false, false),
    CONTENT_ERROR("2000", "內容有錯誤", true, false, false),
    NUMBER_ERROR("2001", "門號有錯誤", true, false, false),
    MESSAGE_DISABLED("2002", "訊息已停用", true, false, false),
    EXPIRED("2003", "逾時無法送達", true, false, false),
    CARRIER_ERROR("2999", "業者系統錯誤", true, false, false),
    SEND_ERROR("9998", "傳送錯誤", true, false, false),
    SYSTEM_ERROR("9999", "三竹系統錯誤", true, false, false),
    // Attachment 2: a destination the gateway (or local validation) refused in a push
    CID_TOO_LONG(ApiCode.CID_TOO_LONG),
    NUMBER_MISSING(ApiCode.NUMBER_MISSING),
    NUMBER_TOO_LONG(ApiCode.NUMBER_TOO_LONG),
    NUMBER_INVALID(ApiCode.NUMBER_INVALID),
    /** The cID was used before: not sent again now, but the earlier message with that cID may have gone out. */
    CID_DUPLICATE(ApiCode.CID_DUPLICATE),
    /** A code this version of the component does not know; treated as not final. */
    UNKNOWN(null, "未知狀態", false, false, false);

    private static final Map<String, MmsStatus> BY_CODE = new HashMap<>();

    static {
        for (MmsStatus s : values()) {
            if (s.code != null) {
                BY_CODE.put(s.code, s);
            }
        }
    }

    private final String code;
    private final String text;
    private final boolean finalStatus;
    private final boolean success;
    private final boolean rejected;
    private final boolean duplicate;

    MmsStatus(String code, String text, boolean finalStatus, boolean success, boolean rejected) {
        this.code = code;
        this.text = text;
        this.finalStatus = finalStatus;
        this.success = success;
        this.rejected = rejected;
        this.duplicate = false;
    }

    MmsStatus(ApiCode refusal) {
        this.code = refusal.code();
        this.text = refusal.text();
        this.finalStatus = true;
        this.success = false;
        this.duplicate = refusal.kind() == ApiCode.Kind.DUPLICATE;
        this.rejected = !duplicate;
    }

    /** The status of a raw code, ignoring surrounding blanks; {@link #UNKNOWN} for a code not in the API. */
    public static MmsStatus fromCode(String code) {
        if (code == null) {
            return UNKNOWN;
        }
        MmsStatus s = BY_CODE.get(code.trim());
        return s != null ? s : UNKNOWN;
    }

    /** The API's code, or null for {@link #UNKNOWN}. */
    public String getCode() {
        return code;
    }

    /** The API's description of the status. */
    public String getText() {
        return text;
    }

    /** Whether no later report will change this status. */
    public boolean isFinal() {
        return finalStatus;
    }

    /** Whether the message reached the handset. */
    public boolean isSuccess() {
        return success;
    }

    /**
     * Whether the destination was refused when the push was made (Attachment 2, by the gateway or by local
     * validation), so nothing was sent to it. A duplicate cID is not a refusal: see {@link #isDuplicate()}.
     */
    public boolean isRejected() {
        return rejected;
    }

    /**
     * Whether the gateway answered that the destination's cID was used before (2018): it did not send the message
     * again, but the earlier message with that cID may well have gone out, so this is neither a refusal nor a new send.
     */
    public boolean isDuplicate() {
        return duplicate;
    }
}
