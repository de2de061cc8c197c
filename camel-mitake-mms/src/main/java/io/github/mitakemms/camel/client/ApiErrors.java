package io.github.mitakemms.camel.client;

import java.util.Map;

import io.github.mitakemms.camel.exception.MitakeMmsAccountingException;
import io.github.mitakemms.camel.exception.MitakeMmsAuthenticationException;
import io.github.mitakemms.camel.exception.MitakeMmsException;
import io.github.mitakemms.camel.exception.MitakeMmsRequestException;
import io.github.mitakemms.camel.exception.MitakeMmsRetryableException;

/**
 * Turns the API's whole-call error codes (Attachment 1) into the component's exception kinds. Classified by code only,
 * never by the description's text.
 */
public final class ApiErrors {

    /** The code the gateway answers with when the access token expired. */
    public static final String TOKEN_EXPIRED = "1005";

    private static final Map<String, String> DESCRIPTIONS = Map.ofEntries(
            Map.entry("9999", "系統錯誤"),
            Map.entry("1001", "請輸入認證資訊"),
            Map.entry("1002", "請輸入認證資訊"),
            Map.entry("1003", "無效認證資訊"),
            Map.entry("1004", "無效認證資訊"),
            Map.entry("1005", "認證資訊已過期"),
            Map.entry("1006", "無效連線位址"),
            Map.entry("1007", "連線數超過上限"),
            Map.entry("1008", "無效服務名稱"),
            Map.entry("1009", "發送筆數超過最大上限"),
            Map.entry("1010", "無效認證資訊"),
            Map.entry("2001", "請輸入主旨"),
            Map.entry("2002", "主旨長度超過上限"),
            Map.entry("2003", "訊息附件總和大小超過上限"),
            Map.entry("2004", "預約時間格式錯誤"),
            Map.entry("2005", "預約時間格式錯誤"),
            Map.entry("2006", "有效時間格式錯誤"),
            Map.entry("2007", "有效時間格式錯誤"),
            Map.entry("2008", "客戶端序號長度超過上限"),
            Map.entry("2009", "手機號碼空值"),
            Map.entry("2010", "手機號碼長度超過上限"),
            Map.entry("2011", "手機號碼格式錯誤"),
            Map.entry("2012", "訊息附件為空值"),
            Map.entry("2013", "附件類型空值"),
            Map.entry("2014", "附件檔名空值"),
            Map.entry("2015", "預約時間時間錯誤"),
            Map.entry("2016", "有效時間時間錯誤"),
            Map.entry("2017", "附件檔名超出限制"),
            Map.entry("2018", "cID重複"),
            Map.entry("2019", "專案名稱長度超過上限"),
            Map.entry("2020", "無效附件"),
            Map.entry("2021", "附件內容空值"),
            Map.entry("3001", "帳務處理失敗"),
            Map.entry("4001", "請輸入批號"),
            Map.entry("4002", "請輸入簡訊序號"),
            Map.entry("4003", "電文格式不正確"));

    private ApiErrors() {
    }

    /** The API's description of a code (Attachment 1 or 2), or null for an unknown code. */
    public static String describe(String code) {
        return code == null ? null : DESCRIPTIONS.get(code);
    }

    /** Whether a code is one of those meaning the credentials or the token were refused. */
    public static boolean isAuthentication(String code) {
        return switch (code) {
            case "1001", "1002", "1003", "1004", "1005", "1006", "1010" -> true;
            default -> false;
        };
    }

    /**
     * The exception for a failure code returned by the gateway.
     *
     * @param action      what was called (push, queryBatchDR, querySingleDR, token)
     * @param code        the API's code
     * @param description the gateway's description, or null to use the spec's
     * @param httpStatus  the HTTP status of the response
     */
    public static MitakeMmsException forCode(String action, String code, String description, int httpStatus) {
        String c = code.trim();
        String desc = description != null && !description.isBlank() ? description : describe(c);
        String message = "Mitake MMS " + action + " failed with code " + c + (desc != null ? " " + desc : "")
                         + " (HTTP " + httpStatus + ")";
        if ("9999".equals(c) || "1007".equals(c)) {
            return new MitakeMmsRetryableException(message, c, desc, httpStatus, null);
        }
        if (isAuthentication(c)) {
            return new MitakeMmsAuthenticationException(message, c, desc, httpStatus);
        }
        if ("3001".equals(c)) {
            return new MitakeMmsAccountingException(message, c, desc, httpStatus);
        }
        return new MitakeMmsRequestException(message, c, desc, httpStatus);
    }

    /** The exception for an HTTP status that is not 200 and a body without a failure code. */
    public static MitakeMmsException forHttpStatus(String action, int httpStatus) {
        String message = "Mitake MMS " + action + " failed with HTTP " + httpStatus;
        if (httpStatus >= 500 || httpStatus == 429 || httpStatus == 408) {
            return new MitakeMmsRetryableException(message, null, null, httpStatus, null);
        }
        if (httpStatus == 401 || httpStatus == 403) {
            return new MitakeMmsAuthenticationException(message, null, null, httpStatus);
        }
        return new MitakeMmsRequestException(message, null, null, httpStatus);
    }
}
