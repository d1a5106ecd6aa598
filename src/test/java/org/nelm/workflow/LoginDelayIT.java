package org.nelm.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.nelm.platform.identity.Identity;
import org.nelm.platform.identity.IdentityDirectory;
import org.nelm.support.ApiIntegration;
import org.nelm.support.RawHttp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Camunda's login delay after a wrong password, through engine REST's HTTP Basic (the webapps' login uses the
 * same check): short, capped at 60 s, and never a permanent lock, so knowing a user id is not enough to lock
 * that user out for good. The engine clock is driven in the past, where no job is due, and reset afterwards.
 */
@ApiIntegration
class LoginDelayIT {

    private static final String PATH = "/engine-rest/process-definition/count";

    @LocalServerPort
    int port;

    @Autowired
    IdentityDirectory directory;

    @AfterEach
    void realTime() {
        ClockUtil.reset();
    }

    @Test
    void aWrongPasswordDelaysTheUserForOneSecond() {
        String user = newUser();
        Instant t0 = Instant.now().minus(Duration.ofHours(2));

        at(t0);
        assertThat(login(user, "wrong")).isEqualTo(401);
        assertThat(login(user, user)).as("the right password within the delay").isEqualTo(401);
        at(t0.plusMillis(1_100));
        assertThat(login(user, user)).isEqualTo(200);
    }

    @Test
    void moreWrongPasswordsThanCamundasPermanentLockAllowsStillLeaveTheUserAbleToLogIn() {
        String user = newUser();
        Instant t = Instant.now().minus(Duration.ofHours(2));
        // Camunda's default locks a user for good after 10 failures; each of these counts, one delay apart
        for (int attempt = 1; attempt <= 12; attempt++) {
            at(t);
            assertThat(login(user, "wrong-" + attempt)).as("failure " + attempt).isEqualTo(401);
            t = t.plusSeconds(61);
        }

        at(t.minusSeconds(2));
        assertThat(login(user, user)).as("within the 60 s cap after the last failure").isEqualTo(401);
        at(t);
        assertThat(login(user, user)).as("once the capped delay has passed").isEqualTo(200);
    }

    private String newUser() {
        String id = "login-delay-" + UUID.randomUUID().toString().substring(0, 8);
        directory.ensureIdentity(new Identity(id, "Login", "Delay", id + "@example.com"), id);
        return id;
    }

    private static void at(Instant instant) {
        ClockUtil.setCurrentTime(Date.from(instant));
    }

    private int login(String user, String password) {
        return RawHttp.get(port, PATH, "Authorization", RawHttp.basic(user, password)).statusCode();
    }
}
