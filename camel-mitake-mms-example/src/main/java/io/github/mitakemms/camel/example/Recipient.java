package io.github.mitakemms.camel.example;

import org.apache.camel.dataformat.bindy.annotation.CsvRecord;
import org.apache.camel.dataformat.bindy.annotation.DataField;

/**
 * One line of a campaign's recipients.csv: {@code phone,name,note}. The note is free text for people; the example does
 * not send it.
 */
@CsvRecord(separator = ",", skipFirstLine = true, quote = "\"", allowEmptyStream = true)
public class Recipient {

    @DataField(pos = 1, trim = true, required = true)
    private String phone;

    @DataField(pos = 2, trim = true)
    private String name;

    @DataField(pos = 3, trim = true)
    private String note;

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }

    @Override
    public String toString() {
        return "Recipient[" + phone + "]";
    }
}
