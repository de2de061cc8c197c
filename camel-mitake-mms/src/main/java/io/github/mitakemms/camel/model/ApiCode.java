package io.github.mitakemms.camel.model;

import java.util.HashMap;
import java.util.Map;

/**
 * The API's error codes (Attachments 1 and 2 of the specification): each with the gateway's text and what it means for
 * the caller. The one table of codes in the component: exceptions, validation and results all take their code and text
 * from here.
 */
public enum ApiCode {

    SYSTEM_ERROR("9999", "系統錯誤", Kind.RETRYABLE),
    CREDENTIALS_MISSING("1001", "請輸入認證資訊", Kind.AUTHENTICATION),
    CREDENTIALS_MISSING_2("1002", "請輸入認證資訊", Kind.AUTHENTICATION),
    CREDENTIALS_INVALID("1003", "無效認證資訊", Kind.TOKEN_REFUSED),
    CREDENTIALS_INVALID_2("1004", "無效認證資訊", Kind.TOKEN_REFUSED),
    TOKEN_EXPIRED("1005", "認證資訊已過期", Kind.TOKEN_REFUSED),
    ADDRESS_NOT_ALLOWED("1006", "無效連線位址", Kind.AUTHENTICATION),
    TOO_MANY_CONNECTIONS("1007", "連線數超過上限", Kind.RETRYABLE),
    UNKNOWN_SERVICE("1008", "無效服務名稱", Kind.REQUEST),
    TOO_MANY_DESTINATIONS("1009", "發送筆數超過最大上限", Kind.REQUEST),
    CREDENTIALS_INVALID_3("1010", "無效認證資訊", Kind.TOKEN_REFUSED),
    SUBJECT_MISSING("2001", "請輸入主旨", Kind.REQUEST),
    SUBJECT_TOO_LONG("2002", "主旨長度超過上限", Kind.REQUEST),
    PAYLOAD_TOO_LARGE("2003", "訊息附件總和大小超過上限", Kind.REQUEST),
    ORDER_TIME_FORMAT("2004", "預約時間格式錯誤", Kind.REQUEST),
    ORDER_TIME_FORMAT_2("2005", "預約時間格式錯誤", Kind.REQUEST),
    EXPIRE_TIME_FORMAT("2006", "有效時間格式錯誤", Kind.REQUEST),
    EXPIRE_TIME_FORMAT_2("2007", "有效時間格式錯誤", Kind.REQUEST),
    CID_TOO_LONG("2008", "客戶端序號長度超過上限", Kind.DESTINATION_REFUSED),
    NUMBER_MISSING("2009", "手機號碼空值", Kind.DESTINATION_REFUSED),
    NUMBER_TOO_LONG("2010", "手機號碼長度超過上限", Kind.DESTINATION_REFUSED),
    NUMBER_INVALID("2011", "手機號碼格式錯誤", Kind.DESTINATION_REFUSED),
    ATTACHMENT_MISSING("2012", "訊息附件為空值", Kind.REQUEST),
    ATTACH_TYPE_MISSING("2013", "附件類型空值", Kind.REQUEST),
    ATTACH_NAME_MISSING("2014", "附件檔名空值", Kind.REQUEST),
    ORDER_TIME_INVALID("2015", "預約時間時間錯誤", Kind.REQUEST),
    EXPIRE_TIME_INVALID("2016", "有效時間時間錯誤", Kind.REQUEST),
    ATTACH_NAME_TOO_LONG("2017", "附件檔名超出限制", Kind.REQUEST),
    CID_DUPLICATE("2018", "cID重複", Kind.DUPLICATE),
    PROJECT_NAME_TOO_LONG("2019", "專案名稱長度超過上限", Kind.REQUEST),
    ATTACHMENT_INVALID("2020", "無效附件", Kind.REQUEST),
    ATTACH_CONTENT_MISSING("2021", "附件內容空值", Kind.REQUEST),
    ACCOUNTING_FAILED("3001", "帳務處理失敗", Kind.ACCOUNTING),
    BATCH_ID_MISSING("4001", "請輸入批號", Kind.REQUEST),
    MSG_IDS_MISSING("4002", "請輸入簡訊序號", Kind.REQUEST),
    MALFORMED_REQUEST("4003", "電文格式不正確", Kind.REQUEST);

    /** What a code means for the caller. */
    public enum Kind {
        /** May pass on a later attempt: nothing suggests the same request would fail again. */
        RETRYABLE,
        /** The credentials or the caller's address were refused: fix the configuration. */
        AUTHENTICATION,
        /**
         * The access token was refused on a call (expired or no longer valid): nothing was sent, and a call with a new
         * token may pass. On the token request itself these codes mean the credentials are wrong.
         */
        TOKEN_REFUSED,
        /** The request is invalid: the same request fails again. */
        REQUEST,
        /** The account's accounting failed, for example for lack of points. */
        ACCOUNTING,
        /** One destination of a push was refused (Attachment 2): nothing was sent to it, the others were sent. */
        DESTINATION_REFUSED,
        /**
         * The destination's cID was used before (Attachment 2): the gateway did not send it again, but the earlier
         * message with that cID may well have gone out.
         */
        DUPLICATE
    }

    private static final Map<String, ApiCode> BY_CODE = new HashMap<>();

    static {
        for (ApiCode c : values()) {
            BY_CODE.put(c.code, c);
        }
    }

    private final String code;
    private final String text;
    private final Kind kind;

    ApiCode(String code, String text, Kind kind) {
        this.code = code;
        this.text = text;
        this.kind = kind;
    }

    /** The code of a raw value, ignoring surrounding blanks, or null for a code the API does not list. */
    public static ApiCode of(String code) {
        return code == null ? null : BY_CODE.get(code.trim());
    }

    /** The API's text of a raw code, or null for a code the API does not list. */
    public static String describe(String code) {
        ApiCode c = of(code);
        return c == null ? null : c.text;
    }

    /** The code as the gateway sends it, such as "1005". */
    public String code() {
        return code;
    }

    /** The gateway's text for the code. */
    public String text() {
        return text;
    }

    public Kind kind() {
        return kind;
    }

    @Override
    public String toString() {
        return code + " " + text;
    }
}
