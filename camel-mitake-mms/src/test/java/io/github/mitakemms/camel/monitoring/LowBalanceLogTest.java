package io.github.mitakemms.camel.monitoring;

import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.Logger;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Property;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The low balance is logged once when the points cross the threshold, and once when they are above it again. */
class LowBalanceLogTest {

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Logger logger = (Logger) LogManager.getLogger(MitakeMmsStatistics.class);
    private final AbstractAppender appender = new AbstractAppender("low-balance", null, null, true, Property.EMPTY_ARRAY) {
        @Override
        public void append(LogEvent event) {
            lines.add(event.getLevel() + " " + event.getMessage().getFormattedMessage());
        }
    };

    @BeforeEach
    void listen() {
        appender.start();
        logger.addAppender(appender);
    }

    @AfterEach
    void stop() {
        logger.removeAppender(appender);
    }

    @Test
    void onceWhenItCrossesAndOnceWhenItRecovers() {
        MitakeMmsStatistics s = new MitakeMmsStatistics("acct@gw", null);
        s.lowBalanceThreshold(new BigDecimal("100"));
        for (String points : new String[] { "500", "150", "99.5", "80", "60", "100", "120", "90" }) {
            s.pushAccepted(1, List.of(), 0, new BigDecimal("3"), new BigDecimal(points));
        }
        assertThat(lines).containsExactly(
                "WARN Mitake MMS account acct@gw has 99.5 points left, below lowBalanceThreshold 100",
                "INFO Mitake MMS account acct@gw has 100 points left again, not below lowBalanceThreshold 100",
                "WARN Mitake MMS account acct@gw has 90 points left, below lowBalanceThreshold 100");
        assertThat(s.pointsSpent()).isEqualByComparingTo("24");
        assertThat(s.accountPoints()).isEqualByComparingTo("90");
    }
}
